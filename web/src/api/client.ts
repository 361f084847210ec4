import type { ErrorCode } from '@turno/shared';

/** An `/api` failure: `code` comes from the shared catalog, or names a failure of the client. */
export class ApiError extends Error {
  readonly code: ErrorCode | 'network' | 'unexpected';
  readonly status: number;

  constructor(code: ApiError['code'], status: number, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
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
  /** Called on any 401: the session is gone, back to sign-in. */
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

/** Reads `{"error":{"code","message"}}`; anything else becomes an `unexpected` error. */
export function errorFromBody(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (error && typeof error.code === 'string') {
    const message = typeof error.message === 'string' ? error.message : error.code;
    return new ApiError(error.code as ErrorCode, status, message);
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
    if (response.status === 401) options.onUnauthorized();
    if (!response.ok) throw errorFromBody(response.status, body);
    return body as T;
  };
}
