import { expect, vi } from 'vitest';
import { createFakeCognito, type FakeCognito } from '../auth/fake-cognito.ts';
import { useSessionStore } from './session.ts';

export interface ApiCall {
  url: string;
  method: string;
  authorization: string | null;
  body: unknown;
}

/** The oidc-client-ts entries in localStorage: the signed-in user and pending sign-in state. */
export function oidcKeys(): string[] {
  return Object.keys(localStorage).filter((key) => key.startsWith('oidc.'));
}

/**
 * Signs in through the real oidc-client-ts against a fake Cognito (fetch stubbed), recording
 * the API calls made after; returns the store, the authorize URL and the page landed on.
 */
export async function signInWithCognito(
  groups: string[], next = '/programaciones',
  options: Omit<Parameters<typeof createFakeCognito>[0], 'groups' | 'api'> = {},
) {
  const apiCalls: ApiCall[] = [];
  const cognito: FakeCognito = createFakeCognito({
    ...options,
    groups,
    email: 'ana@flotas.mx',
    api: (url, init) => {
      apiCalls.push({
        url: url.pathname,
        method: init?.method ?? 'GET',
        authorization: new Headers(init?.headers).get('authorization'),
        body: init?.body ? JSON.parse(String(init.body)) as unknown : null,
      });
      return Response.json({ ok: true });
    },
  });
  vi.stubGlobal('fetch', cognito.fetch);
  const assign = vi.spyOn(window.location, 'assign').mockImplementation(() => undefined);
  const session = useSessionStore();
  await session.loadConfig();

  void session.signInWithCognito(next);
  await vi.waitFor(() => expect(assign).toHaveBeenCalledOnce());
  const authorizeUrl = String(assign.mock.calls[0]![0]);
  const landed = await session.completeSignIn(cognito.approve(authorizeUrl));
  return { session, cognito, apiCalls, authorizeUrl: new URL(authorizeUrl), landed };
}
