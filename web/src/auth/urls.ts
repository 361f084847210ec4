import type { CognitoClientConfig } from '@turno/shared';

/**
 * Cognito's `/logout` (not OIDC end_session): ends the managed login session and returns to
 * `logout_uri`, which must be one of the app client's sign-out URLs.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/logout-endpoint.html
 */
export function cognitoLogoutUrl(config: CognitoClientConfig, origin: string): string {
  const url = new URL(config.logoutEndpoint);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('logout_uri', `${origin}${config.logoutPath}`);
  return url.toString();
}

/** A `next` page inside the app, never another origin (`//host` or `/\host`). */
export function safeNext(next: unknown): string {
  const inside = typeof next === 'string' && next.startsWith('/') && !/^\/[/\\]/.test(next);
  return inside ? next : '/';
}
