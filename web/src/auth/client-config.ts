import type { ClientConfigResponse, CognitoClientConfig } from '@turno/shared';
import { ApiError, type ApiRequest } from '../api/client.ts';

export type ClientConfig = ClientConfigResponse;
export type AuthMode = ClientConfig['auth']['mode'];

const storageKey = 'turno.clientConfig';
const cognitoFields = [
  'authority', 'clientId', 'redirectPath', 'logoutPath', 'logoutEndpoint', 'scope',
] as const;

function isHttps(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith('https://');
}

/** The answer of `/api/client-config` when it has the shape the PWA needs; null otherwise. */
export function parseClientConfig(body: unknown): ClientConfig | null {
  const auth = (body as { auth?: Record<string, unknown> } | null)?.auth;
  if (auth?.mode === 'dev' || auth?.mode === 'none') return { auth: { mode: auth.mode } };
  if (auth?.mode !== 'cognito') return null;
  if (!cognitoFields.every((field) => typeof auth[field] === 'string' && auth[field] !== '')) {
    return null;
  }
  if (!isHttps(auth.authority) || !isHttps(auth.logoutEndpoint)) return null;
  const picked = Object.fromEntries(cognitoFields.map((field) => [field, auth[field]]));
  return { auth: { mode: 'cognito', ...picked } as CognitoClientConfig };
}

/** The last configuration this phone received, so sign-in and renewal work offline. */
export function cachedClientConfig(): ClientConfig | null {
  try {
    return parseClientConfig(JSON.parse(localStorage.getItem(storageKey) ?? 'null'));
  } catch {
    return null;
  }
}

/** Asks the API how to sign in and keeps the answer; offline, falls back to the kept one. */
export async function fetchClientConfig(request: ApiRequest): Promise<ClientConfig> {
  let body: unknown;
  try {
    body = await request<unknown>('/api/client-config');
  } catch (error) {
    const cached = cachedClientConfig();
    if (cached) return cached;
    throw error;
  }
  const config = parseClientConfig(body);
  if (!config) throw new ApiError('unexpected', 200, 'Unreadable client configuration');
  localStorage.setItem(storageKey, JSON.stringify(config));
  return config;
}
