import type { SessionResponse } from '@turno/shared';
import type { CognitoSession } from './claims.ts';

/** A dev sign-in: the local server's own token. */
export type DevSession = SessionResponse & { kind: 'dev' };
export type Session = DevSession | CognitoSession;

const storageKey = 'turno.session';

/**
 * The session this phone kept. An expired dev token is dropped; an expired Cognito access token
 * is kept while a refresh token can renew it (the phone may have been closed for hours).
 */
export function restoreSession(now = Date.now()): Session | null {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as
      Partial<CognitoSession> | Partial<DevSession> | null;
    if (!saved?.token || !saved.expiresAt || !saved.role || !saved.user) return null;
    const session = { ...saved, kind: saved.kind ?? 'dev' } as Session;
    const renewable = session.kind === 'cognito' && session.renewable;
    return Date.parse(session.expiresAt) > now || renewable ? session : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) localStorage.setItem(storageKey, JSON.stringify(session));
  else localStorage.removeItem(storageKey);
}
