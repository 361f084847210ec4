import { watch } from 'vue';
import { saveWorkerSession } from '../sw/sw-session.ts';
import { useSessionStore } from '../stores/session.ts';
import { useSettingsStore } from '../stores/settings.ts';
import { useApi } from './useApi.ts';
import { usePush } from './usePush.ts';

/**
 * Keeps this device in step each time the app opens: hands the current session to the
 * service worker (so "Reconocer" works from the notification) and re-syncs the push
 * subscription with the server, again when the language changes so pushes speak it.
 */
export function useDeviceSync(): void {
  const session = useSessionStore();
  const settings = useSettingsStore();
  const push = usePush(useApi(), () => settings.locale);
  let synced = false;

  watch(() => [session.token, session.session?.expiresAt] as const, ([token, expiresAt]) => {
    if (typeof indexedDB === 'undefined') return;
    const next = token && expiresAt ? { token, expiresAt } : null;
    // A worker without the token falls back to the confirm screen: nothing breaks.
    saveWorkerSession(next).catch(() => undefined);
  }, { immediate: true });

  watch(() => session.signedIn, (signedIn) => {
    if (!signedIn || synced) return;
    synced = true;
    void push.resync();
  }, { immediate: true });

  watch(() => settings.locale, () => {
    if (session.signedIn) void push.resync();
  });
}
