import type { CognitoClientConfig, Role, SessionResponse } from '@turno/shared';
import type { User, UserManager } from 'oidc-client-ts';
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { ApiError, createApiClient } from '../api/client.ts';
import { sessionFromUser } from '../auth/claims.ts';
import {
  cachedClientConfig, fetchClientConfig, type ClientConfig,
} from '../auth/client-config.ts';
import { restoreSession, saveSession, type Session } from '../auth/stored-session.ts';
import { cognitoLogoutUrl, safeNext } from '../auth/urls.ts';
import { forgetGuideProgress } from '../composables/useGuideProgress.ts';
import { budget, revokeAndForget, stopPush } from './session-sign-out.ts';

/** Renew this long before the access token expires, so a request never carries a dead one. */
const renewMarginMs = 30_000;

interface Cognito {
  config: CognitoClientConfig;
  manager: UserManager;
}

/**
 * The signed-in user, kept in localStorage so closing the app does not sign out: a dev session
 * locally, or a Cognito one (oidc-client-ts keeps the tokens and renews them).
 */
export const useSessionStore = defineStore('session', () => {
  const session = ref<Session | null>(restoreSession());
  const clientConfig = ref<ClientConfig | null>(cachedClientConfig());
  const manager = shallowRef<UserManager | null>(null);
  let renewing: Promise<void> | null = null;

  const token = computed(() => session.value?.token ?? null);
  const user = computed(() => session.value?.user ?? null);
  const role = computed<Role | null>(() => session.value?.role ?? null);
  const kind = computed(() => session.value?.kind ?? null);
  const signedIn = computed(() => session.value !== null);
  /** Viewers read; operators and admins may act. Display only: the API enforces roles. */
  const canAct = computed(() => role.value === 'operator' || role.value === 'admin');

  function keep(next: Session | null): void {
    session.value = next;
    saveSession(next);
  }

  /** Starts a dev session from `POST /api/session/dev`. */
  function start(next: SessionResponse): void {
    keep({ ...next, kind: 'dev' });
  }

  /** The Cognito client, built once from the client configuration (loaded on first use). */
  async function cognito(): Promise<Cognito | null> {
    const auth = clientConfig.value?.auth;
    if (auth?.mode !== 'cognito') return null;
    if (!manager.value) {
      const { createCognitoManager } = await import('../auth/cognito.ts');
      // Another call may have built it while the library was loading.
      if (!manager.value) {
        const created = createCognitoManager(auth);
        // Silent renewals (refresh token) replace the access token the API gets.
        created.events.addUserLoaded((renewed) => adopt(renewed));
        manager.value = created;
      }
    }
    const ready: UserManager = manager.value;
    return { config: auth, manager: ready };
  }

  /** Reads `/api/client-config` (offline: the copy kept on this phone). */
  async function loadConfig(): Promise<ClientConfig> {
    const request = createApiClient({ getToken: () => null, onUnauthorized: () => undefined });
    const next = await fetchClientConfig(request);
    if (JSON.stringify(next) !== JSON.stringify(clientConfig.value)) {
      manager.value?.stopSilentRenew();
      manager.value = null;
    }
    clientConfig.value = next;
    return next;
  }

  async function requireCognito(): Promise<Cognito> {
    if (!clientConfig.value) await loadConfig();
    const found = await cognito();
    if (!found) throw new ApiError('unexpected', 0, 'Cognito sign-in is not configured');
    return found;
  }

  /** Leaves for Cognito's sign-in page (code + PKCE); `next` comes back in the state. */
  async function signInWithCognito(next: string): Promise<void> {
    const { manager: users } = await requireCognito();
    await users.clearStaleState();
    await users.signinRedirect({ url_state: safeNext(next) });
  }

  /** Finishes the redirect from Cognito and returns the page to open next. */
  async function completeSignIn(url = window.location.href): Promise<string> {
    const { manager: users } = await requireCognito();
    const signedInUser = await users.signinRedirectCallback(url);
    try {
      keep(sessionFromUser(signedInUser));
    } catch (error) {
      await users.removeUser();
      throw error;
    }
    return safeNext(signedInUser.url_state);
  }

  /** Takes a renewed token; a user taken out of every Turno group is signed out. */
  function adopt(renewed: User): void {
    if (session.value?.kind !== 'cognito') return;
    try {
      keep(sessionFromUser(renewed));
    } catch {
      end();
    }
  }

  async function renew(users: UserManager): Promise<void> {
    try {
      const renewed = await users.signinSilent();
      if (renewed) adopt(renewed);
    } catch (error) {
      // Cognito's answer (ErrorResponse), not a failed fetch: the refresh token is revoked or
      // expired, so once the access token has expired too the session is over.
      const refused = error instanceof Error && error.name === 'ErrorResponse';
      const expiresAt = session.value?.expiresAt;
      if (refused && expiresAt && Date.parse(expiresAt) <= Date.now()) end();
      // Otherwise offline: the request goes on, and a refusal of it leads to sign-in.
    }
  }

  /** The token for the next API call: a Cognito access token is renewed first when expiring. */
  async function freshToken(): Promise<string | null> {
    const current = session.value;
    if (current?.kind !== 'cognito') return current?.token ?? null;
    const found = await cognito();
    const expiring = Date.parse(current.expiresAt) - Date.now() < renewMarginMs;
    if (!found || !current.renewable || !expiring) return current.token;
    renewing ??= renew(found.manager).finally(() => {
      renewing = null;
    });
    await renewing;
    return session.value?.token ?? null;
  }

  /** Forgets the session on this phone (after a 401, or on sign-out). */
  function end(): void {
    keep(null);
    void manager.value?.removeUser();
  }

  /**
   * Signs out: stops pushes to this phone, revokes the refresh token, forgets the session and
   * the guide ticks, each network step given up after a short wait so sign-out never hangs.
   * Returns Cognito's logout page to leave for, or null for the sign-in page.
   */
  async function signOut(): Promise<string | null> {
    const left = budget();
    const found = session.value?.kind === 'cognito' ? await cognito() : null;
    const request = createApiClient({
      getToken: () => freshToken(), onUnauthorized: () => undefined,
    });
    await stopPush(request, left);
    if (found) await revokeAndForget(found.manager, left);
    forgetGuideProgress();
    end();
    return found ? cognitoLogoutUrl(found.config, window.location.origin) : null;
  }

  return {
    session, clientConfig, token, user, role, kind, signedIn, canAct,
    start, end, loadConfig, signInWithCognito, completeSignIn, freshToken, signOut,
  };
});
