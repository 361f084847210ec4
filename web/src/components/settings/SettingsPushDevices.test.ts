import type { PushDevice } from '@turno/shared';
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountApp } from '../../test-utils.ts';
import SettingsPushDevices from './SettingsPushDevices.vue';

const devices: PushDevice[] = [
  {
    id: '41', service: 'fcm.googleapis.com', createdAt: '2026-12-01T18:00:00.000Z',
    lastDeliveredAt: '2026-12-03T19:00:00.000Z', lastFailureAt: null, lastFailure: null,
  },
  {
    id: '42', service: 'web.push.apple.com', createdAt: '2026-12-01T18:00:00.000Z',
    lastDeliveredAt: null, lastFailureAt: '2026-12-03T19:01:00.000Z',
    lastFailure: 'push service answered 500',
  },
];

function serve(test: Response) {
  vi.stubGlobal('fetch', vi.fn(async (url: string) =>
    (url.endsWith('/test') ? test : Response.json(devices))));
}

describe('SettingsPushDevices', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows each device’s last delivery and last failure, marking this one', async () => {
    serve(Response.json({}));

    const { wrapper } = mountApp(SettingsPushDevices, { props: { currentId: '41' } });
    await flushPromises();

    const rows = wrapper.findAll('[data-testid="push-device"]');
    expect(rows[0]?.text()).toMatch(/fcm\.googleapis\.com\s*este teléfono/);
    expect(rows[0]?.get('[data-testid="push-device-delivered"]').text()).toMatch(/1:00\s?p\.m\./);
    expect(rows[1]?.text()).toMatch(/ninguna todavía/);
    expect(rows[1]?.get('[data-testid="push-device-failure"]').text())
      .toMatch(/Última falla: 3 dic 2026, 1:01\s?p\.m\. \(push service answered 500\)/);
  });

  it('sends a test push and says how many devices it reached', async () => {
    serve(Response.json({ devices: 2, delivered: 1, failed: 1, removed: 0 }));
    const { wrapper } = mountApp(SettingsPushDevices, { props: { currentId: null } });
    await flushPromises();

    await wrapper.get('[data-testid="btn-push-test"]').trigger('click');
    await flushPromises();

    expect(wrapper.get('[role="status"]').text())
      .toBe('Prueba enviada: llegó a 1 de 2 dispositivos.');
  });

  it('explains push_no_device in words', async () => {
    serve(Response.json({ error: { code: 'push_no_device', message: 'x' } }, { status: 409 }));
    const { wrapper } = mountApp(SettingsPushDevices, { props: { currentId: null } });
    await flushPromises();

    await wrapper.get('[data-testid="btn-push-test"]').trigger('click');
    await flushPromises();

    expect(wrapper.get('[role="alert"]').text()).toMatch(/actívalas primero/);
  });
});
