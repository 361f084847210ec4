import { redact } from '@turno/shared';

/** One HTTP answer as the probes read it: its status and body, parsed when it is JSON. */
export interface HttpAnswer {
  status: number;
  body: unknown;
}

/** An answer kept as bytes (UltraMsg's QR image). */
export interface BinaryAnswer {
  status: number;
  contentType: string;
  bytes: Uint8Array;
}

export interface CallOptions {
  /** Named in errors: "UltraMsg instance/status". */
  what: string;
  /** Strings that must never leave in an error: the token in the URL, the client secret. */
  secrets: readonly string[];
  timeoutMs: number;
  fetch?: typeof fetch;
}

/** A call that got no answer. Its message names the call, never the URL or a secret. */
export class MessagingHttpError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MessagingHttpError';
  }
}

/** GETs or POSTs and reads JSON; any other body is kept as text. */
export async function callJson(
  url: string, init: RequestInit, options: CallOptions,
): Promise<HttpAnswer> {
  const response = await send(url, init, options);
  const text = await readBody(response, options);
  return { status: response.status, body: parseJson(text) };
}

/** GETs and keeps the body as bytes, with its content type. */
export async function callBinary(
  url: string, init: RequestInit, options: CallOptions,
): Promise<BinaryAnswer> {
  const response = await send(url, init, options);
  try {
    const bytes = new Uint8Array(await response.arrayBuffer());
    const contentType = response.headers.get('content-type') ?? '';
    return { status: response.status, contentType, bytes };
  } catch (error) {
    throw cut(error, options);
  }
}

async function send(url: string, init: RequestInit, options: CallOptions): Promise<Response> {
  const doFetch = options.fetch ?? globalThis.fetch;
  try {
    return await doFetch(url, { ...init, signal: AbortSignal.timeout(options.timeoutMs) });
  } catch (error) {
    // fetch's own errors may quote the URL, and UltraMsg's URL carries the token.
    throw new MessagingHttpError(`${options.what} did not answer: ${reason(error, options)}`);
  }
}

async function readBody(response: Response, options: CallOptions): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    throw cut(error, options);
  }
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function cut(error: unknown, options: CallOptions): MessagingHttpError {
  return new MessagingHttpError(`${options.what}: the answer was cut (${reason(error, options)})`);
}

/** The error's code or message (or its cause's), with every secret and URL query removed. */
export function reason(
  error: unknown, options: Pick<CallOptions, 'secrets' | 'timeoutMs'>,
): string {
  if (error instanceof Error && error.name === 'TimeoutError') {
    return `no answer within ${options.timeoutMs} ms`;
  }
  const cause = error instanceof Error ? error.cause : undefined;
  const code = (cause as { code?: unknown } | undefined)?.code;
  const text = typeof code === 'string' ? code
    : cause instanceof Error ? cause.message
      : error instanceof Error ? error.message : String(error);
  return scrub(text, options.secrets);
}

/** Removes the given secrets and any URL query string, then the shared redaction. */
export function scrub(text: string, secrets: readonly string[]): string {
  let clean = text;
  for (const secret of secrets) {
    if (secret) clean = clean.split(secret).join('[redacted]');
  }
  clean = clean.replace(/\?[^\s"']*/g, '?[redacted]');
  return redact(clean).slice(0, 300);
}
