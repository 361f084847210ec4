import type { AppLocale } from '@turno/shared';
import { ref } from 'vue';
import type { TurnoApi } from '../api/turno.ts';

/** Why the phone could not be subscribed; each reason has its own message in Ajustes. */
export type PushFailure = 'unsupported' | 'denied' | 'no-worker' | 'no-key' | 'failed';
export type PushResult = { ok: true } | { ok: false; reason: PushFailure; error?: unknown };

const endpointKey = 'turno.push.endpoint';
const deviceKey = 'turno.push.device';

/** Forgets this device's push registration, so no later start subscribes it again. */
export function forgetPushDevice(): void {
  localStorage.removeItem(endpointKey);
  localStorage.removeItem(deviceKey);
}

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

/**
 * Web push on this device: subscribe with the API's VAPID key, or stop. `locale` is the app's
 * language here; the server words this device's notifications in it.
 */
export function usePush(api: TurnoApi, locale: () => AppLocale) {
  const subscribed = ref(false);
  const busy = ref(false);
  /** This device's subscription id on the server, to tell it apart in the device list. */
  const deviceId = ref<string | null>(localStorage.getItem(deviceKey));

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
    await send(subscription);
    return { ok: true };
  }

  /** Stores this device's subscription on the server, replacing a rotated endpoint. */
  async function send(subscription: PushSubscription): Promise<void> {
    const previous = localStorage.getItem(endpointKey) ?? undefined;
    const { id } = await api.resyncPush(subscription.toJSON(), locale(), previous);
    localStorage.setItem(endpointKey, subscription.endpoint);
    localStorage.setItem(deviceKey, id);
    deviceId.value = id;
  }

  /**
   * On every start and language change: sends the current subscription (and language) again
   * so a rotated endpoint is picked up, and subscribes again where the browser dropped one.
   */
  async function resync(): Promise<PushResult> {
    if (!supported() || Notification.permission !== 'granted') return { ok: true };
    try {
      const current = await currentSubscription();
      if (current) await send(current);
      else if (localStorage.getItem(endpointKey)) return await subscribe();
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: 'failed', error };
    }
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
      forgetPushDevice();
      deviceId.value = null;
      await refresh();
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: 'failed', error };
    } finally {
      busy.value = false;
    }
  }

  return { subscribed, busy, deviceId, supported, refresh, enable, disable, resync };
}
