import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent } from 'vue';
import { useSessionStore } from '../stores/session.ts';
import { useSettingsStore } from '../stores/settings.ts';
import { mountApp } from '../test-utils.ts';
import { useDeviceSync } from './useDeviceSync.ts';

const endpoint = 'https://fcm.googleapis.com/fcm/send/phone';

/** A browser with notifications allowed and a subscription; fetch records the re-syncs. */
function browserWithPush() {
  const current = { endpoint, toJSON: () => ({ endpoint, keys: { p256dh: 'p', auth: 'a' } }) };
  const pushManager = { getSubscription: async () => current };
  Object.defineProperty(navigator, 'serviceWorker', {
    configurable: true, value: { getRegistration: async () => ({ pushManager }) },
  });
  vi.stubGlobal('PushManager', function PushManager() {});
  vi.stubGlobal('Notification', { permission: 'granted' });
  const resyncs: unknown[] = [];
  vi.stubGlobal('fetch', vi.fn(async (input: string, init?: RequestInit) => {
    if (input.endsWith('/api/push/subscription')) resyncs.push(JSON.parse(String(init?.body)));
    return Response.json({ id: '7', replaced: false, locale: 'es-MX' });
  }));
  return resyncs;
}

describe('useDeviceSync', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    vi.unstubAllGlobals();
    Reflect.deleteProperty(navigator, 'serviceWorker');
  });

  it('re-syncs push on sign-in and again when the language changes, saying it', async () => {
    const resyncs = browserWithPush();
    const { pinia } = mountApp(defineComponent({
      setup() {
        useDeviceSync();
        return () => null;
      },
    }));
    useSessionStore(pinia).start({
      token: 't', role: 'operator', user: 'operador',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await flushPromises();

    useSettingsStore(pinia).locale = 'en';
    await flushPromises();

    expect(resyncs).toEqual([
      expect.objectContaining({
        locale: 'es-MX', subscription: expect.objectContaining({ endpoint }),
      }),
      expect.objectContaining({ locale: 'en' }),
    ]);
  });
});
