/** Why a Cognito sign-in failed, in words the technician can act on (`signIn.errors.<key>`). */
export type SignInErrorKey =
  'denied' | 'rejected' | 'expired' | 'noRole' | 'network' | 'generic';

/** Sorts what oidc-client-ts throws; it is loaded lazily, so errors are matched by name. */
export function signInErrorKey(error: unknown, online = navigator.onLine): SignInErrorKey {
  const named = error as { name?: unknown; error?: unknown; message?: unknown } | null;
  if (named?.name === 'NoTurnoRoleError') return 'noRole';
  if (named?.name === 'ErrorResponse') {
    return named.error === 'access_denied' ? 'denied' : 'rejected';
  }
  if (typeof named?.message === 'string' && /state/i.test(named.message)) return 'expired';
  if (!online || named?.name === 'ErrorTimeout' || error instanceof TypeError) return 'network';
  return 'generic';
}
