import { ref } from 'vue';
import type { TurnoApi } from '../api/turno.ts';

/** Why the phone could not be subscribed; each reason has its own message in Ajustes. */
export type PushFailure = 'unsupported' | 'denied' | 'no-worker' | 'no-key' | 'failed';
export type PushResult = { ok: true } | { ok: false; reason: PushFailure; error?: unknown };

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function supported(): boolean {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration('/');
  return (await registration?.pushManager.getSubscription()) ?? null;
}

/** Web push on this device: subscribe with the API's VAPID key, or stop. */
export function usePush(api: TurnoApi) {
  const subscribed = ref(false);
  const busy = ref(false);

  async function refresh(): Promise<void> {
    subscribed.value = supported() && (await currentSubscription()) !== null;
  }

  async function subscribe(): Promise<PushResult> {
    if (!supported()) return { ok: false, reason: 'unsupported' };
    const permission = await Notification.requestPermission();
    if (permission !== 'granted') return { ok: false, reason: 'denied' };
    const registration = await navigator.serviceWorker.getRegistration('/');
    if (!registration) return { ok: false, reason: 'no-worker' };
    const key = await api.pushKey();
    if (!key) return { ok: false, reason: 'no-key' };
    const subscription = await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: keyBytes(key),
    });
    await api.subscribe(subscription.toJSON());
    return { ok: true };
  }

  async function enable(): Promise<PushResult> {
    busy.value = true;
    try {
      const result = await subscribe();
      await refresh();
      return result;
    } catch (error) {
      return { ok: false, reason: 'failed', error };
    } finally {
      busy.value = false;
    }
  }

  async function disable(): Promise<PushResult> {
    busy.value = true;
    try {
      const subscription = await currentSubscription();
      if (subscription) {
        await api.unsubscribe(subscription.endpoint);
        await subscription.unsubscribe();
      }
      await refresh();
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: 'failed', error };
    } finally {
      busy.value = false;
    }
  }

  return { subscribed, busy, supported, refresh, enable, disable };
}
