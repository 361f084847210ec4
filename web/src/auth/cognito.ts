import type { CognitoClientConfig } from '@turno/shared';
import { UserManager, WebStorageStateStore, type UserManagerSettings } from 'oidc-client-ts';

/** UserManager settings for Cognito managed login: code + PKCE, public client, no secret. */
export function cognitoSettings(
  config: CognitoClientConfig,
  origin: string,
  storage: Storage = localStorage,
): UserManagerSettings {
  return {
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: `${origin}${config.redirectPath}`,
    response_type: 'code',
    scope: config.scope,
    // localStorage, not the default sessionStorage: closing the installed app keeps the session.
    userStore: new WebStorageStateStore({ store: storage }),
    stateStore: new WebStorageStateStore({ store: storage }),
    automaticSilentRenew: true,
    // Cognito has no check_session_iframe, and its ID token already carries the profile.
    monitorSession: false,
    loadUserInfo: false,
  };
}

/** The UserManager the PWA signs in with; refresh tokens renew the access token in place. */
export function createCognitoManager(
  config: CognitoClientConfig,
  origin = window.location.origin,
): UserManager {
  return new UserManager(cognitoSettings(config, origin));
}
