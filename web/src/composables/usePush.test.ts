import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TurnoApi } from '../api/turno.ts';
import { usePush } from './usePush.ts';

function subscription(endpoint: string) {
  return {
    endpoint,
    toJSON: () => ({ endpoint, keys: { p256dh: 'p', auth: 'a' } }),
    unsubscribe: vi.fn(async () => true),
  };
}

/** A browser with push: a service worker registration holding `current`. */
function browser(current: ReturnType<typeof subscription> | null, permission = 'granted') {
  const pushManager = {
    getSubscription: vi.fn(async () => current),
    subscribe: vi.fn(async () => subscription('https://fcm.googleapis.com/fcm/send/fresh')),
  };
  Object.defineProperty(navigator, 'serviceWorker', {
    configurable: true, value: { getRegistration: async () => ({ pushManager }) },
  });
  vi.stubGlobal('PushManager', function PushManager() {});
  vi.stubGlobal('Notification', { permission, requestPermission: async () => permission });
  return pushManager;
}

function api() {
  return {
    resyncPush: vi.fn(async () => ({ id: '41', replaced: false })),
    pushKey: vi.fn(async () => 'BNcR'),
    unsubscribe: vi.fn(async () => ({})),
  };
}

describe('usePush().resync', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    vi.unstubAllGlobals();
    Reflect.deleteProperty(navigator, 'serviceWorker');
  });

  it('sends the current subscription on every start, naming the endpoint it replaces',
    async () => {
      localStorage.setItem('turno.push.endpoint', 'https://fcm.googleapis.com/fcm/send/old');
      browser(subscription('https://fcm.googleapis.com/fcm/send/new'));
      const calls = api();
      const push = usePush(calls as unknown as TurnoApi, () => 'es-MX');

      expect(await push.resync()).toEqual({ ok: true });

      expect(calls.resyncPush).toHaveBeenCalledWith(
        { endpoint: 'https://fcm.googleapis.com/fcm/send/new', keys: { p256dh: 'p', auth: 'a' } },
        'es-MX', 'https://fcm.googleapis.com/fcm/send/old',
      );
      expect(localStorage.getItem('turno.push.endpoint'))
        .toBe('https://fcm.googleapis.com/fcm/send/new');
      expect(push.deviceId.value).toBe('41');
    });

  it('subscribes again where the browser dropped this device’s subscription', async () => {
    localStorage.setItem('turno.push.endpoint', 'https://fcm.googleapis.com/fcm/send/old');
    const manager = browser(null);
    const calls = api();

    await usePush(calls as unknown as TurnoApi, () => 'es-MX').resync();

    expect(manager.subscribe).toHaveBeenCalled();
    expect(calls.resyncPush).toHaveBeenCalledWith(
      expect.objectContaining({ endpoint: 'https://fcm.googleapis.com/fcm/send/fresh' }),
      'es-MX', 'https://fcm.googleapis.com/fcm/send/old',
    );
  });

  it('does nothing on a device that never turned notifications on', async () => {
    const manager = browser(null, 'default');
    const calls = api();

    await usePush(calls as unknown as TurnoApi, () => 'es-MX').resync();

    expect(manager.getSubscription).not.toHaveBeenCalled();
    expect(calls.resyncPush).not.toHaveBeenCalled();
  });

  it('sends the app\'s language on this device, as it is at the time of the sync', async () => {
    browser(subscription('https://fcm.googleapis.com/fcm/send/new'));
    const calls = api();
    let locale: 'es-MX' | 'en' = 'en';
    const push = usePush(calls as unknown as TurnoApi, () => locale);

    await push.resync();
    locale = 'es-MX';
    await push.resync();

    expect(calls.resyncPush.mock.calls.map((call: unknown[]) => call[1])).toEqual(['en', 'es-MX']);
  });
});
