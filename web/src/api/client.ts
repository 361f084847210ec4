import type { ErrorCode } from '@turno/shared';

/** An `/api` failure: `code` comes from the shared catalog, or names a failure of the client. */
export class ApiError extends Error {
  readonly code: ErrorCode | 'network' | 'unexpected';
  readonly status: number;
  /** The answer's `error.details` (the names it refused, …), never shown raw. */
  readonly details: Record<string, unknown>;

  constructor(
    code: ApiError['code'], status: number, message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
}

export interface ApiClientOptions {
  /** The bearer token; may renew it first (a Cognito access token about to expire). */
  getToken: () => string | null | Promise<string | null>;
  /** Called when the session is gone (a 401, or the authorizer's bare 403): back to sign-in. */
  onUnauthorized: () => void;
  fetch?: typeof fetch;
  baseUrl?: string;
}

export type ApiRequest = <T>(path: string, options?: RequestOptions) => Promise<T>;

function withQuery(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

interface TurnoErrorBody {
  code: string;
  message?: unknown;
  details?: unknown;
}

function turnoError(body: unknown): TurnoErrorBody | null {
  const error = (body as { error?: Partial<TurnoErrorBody> } | null)?.error;
  return error && typeof error.code === 'string' ? { ...error, code: error.code } : null;
}

/**
 * The HTTP API's Lambda authorizer denies an expired or revoked token with its own
 * `403 {"message":"Forbidden"}`: only Turno's answers carry `{"error":…}`. So a 403 without
 * one means signed out, like a 401; a Turno 403 (a role too low) does not.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html
 */
export function isSignedOut(status: number, body: unknown): boolean {
  return status === 401 || (status === 403 && turnoError(body) === null);
}

/** Reads `{"error":{"code","message"}}`; anything else becomes an `unexpected` error. */
export function errorFromBody(status: number, body: unknown): ApiError {
  const error = turnoError(body);
  if (error) {
    const message = typeof error.message === 'string' ? error.message : error.code;
    const details = typeof error.details === 'object' && error.details !== null
      ? error.details as Record<string, unknown> : {};
    return new ApiError(error.code as ErrorCode, status, message, details);
  }
  if (isSignedOut(status, body)) {
    return new ApiError('invalid_token', status, 'The session is not valid or has expired.');
  }
  // A proxy in front of the API (CloudFront, API Gateway) refuses a big body in its own words.
  if (status === 413) return new ApiError('body_too_large', status, 'The body is too large.');
  if (status === 431) {
    return new ApiError('request_too_large', status, 'The request line or headers are too large.');
  }
  return new ApiError('unexpected', status, `HTTP ${status}`);
}

/** A fetch wrapper for `/api`: bearer token, JSON both ways, typed errors. */
export function createApiClient(options: ApiClientOptions): ApiRequest {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const base = options.baseUrl ?? '';
  return async function request<T>(path: string, init: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
    const token = await options.getToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(base + withQuery(path, init.query), {
        method: init.method ?? 'GET',
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
    } catch (cause) {
      throw new ApiError('network', 0, cause instanceof Error ? cause.message : 'network');
    }

    const body = await readJson(response);
    if (isSignedOut(response.status, body)) options.onUnauthorized();
    if (!response.ok) throw errorFromBody(response.status, body);
    return body as T;
  };
}
