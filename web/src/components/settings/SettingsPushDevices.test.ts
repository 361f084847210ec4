import type { PushDevice, PushTestDevice } from '@turno/shared';
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountApp } from '../../test-utils.ts';
import SettingsPushDevices from './SettingsPushDevices.vue';

const devices: PushDevice[] = [
  {
    id: '41', service: 'fcm.googleapis.com', createdAt: '2026-12-01T18:00:00.000Z',
    lastDeliveredAt: '2026-12-03T19:00:00.000Z', lastFailureAt: null, lastFailure: null,
    lastFailureKind: null,
  },
  {
    id: '42', service: 'web.push.apple.com', createdAt: '2026-12-01T18:00:00.000Z',
    lastDeliveredAt: null, lastFailureAt: '2026-12-03T19:01:00.000Z',
    lastFailure: 'ENOTFOUND', lastFailureKind: 'unreachable',
  },
];

function serve(test: Response) {
  vi.stubGlobal('fetch', vi.fn(async (url: string) =>
    (url.endsWith('/test') ? test : Response.json(devices))));
}

function result(id: string, outcome: PushTestDevice['result']): PushTestDevice {
  return { id, service: 'fcm.googleapis.com', result: outcome, failure: null, until: null };
}

describe('SettingsPushDevices', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows each device’s last delivery and last failure in words, marking this one', async () => {
    serve(Response.json({}));

    const { wrapper } = mountApp(SettingsPushDevices, { props: { currentId: '41' } });
    await flushPromises();

    const rows = wrapper.findAll('[data-testid="push-device"]');
    expect(rows[0]?.text()).toMatch(/fcm\.googleapis\.com\s*este teléfono/);
    expect(rows[0]?.get('[data-testid="push-device-delivered"]').text()).toMatch(/1:00\s?p\.m\./);
    expect(rows[1]?.text()).toMatch(/ninguna todavía/);
    const failure = rows[1]?.get('[data-testid="push-device-failure"]').text();
    expect(failure)
      .toMatch(/^Última falla \(3 dic 2026, 1:01\s?p\.m\.\): Turno no pudo conectarse/);
    expect(failure).not.toContain('ENOTFOUND');
  });

  it('sends a test push and says it reached every device', async () => {
    serve(Response.json({
      devices: 2, delivered: 2, failed: 0, removed: 0,
      results: devices.map((d) => ({ ...result(d.id, 'delivered'), service: d.service })),
    }));
    const { wrapper } = mountApp(SettingsPushDevices, { props: { currentId: null } });
    await flushPromises();

    await wrapper.get('[data-testid="btn-push-test"]').trigger('click');
    await flushPromises();

    expect(wrapper.get('[role="status"]').text())
      .toBe('Prueba enviada: llegó a tus 2 dispositivos.');
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
  });

  it('shows a test that reached no device as a failure, saying why for each', async () => {
    serve(Response.json({
      devices: 2, delivered: 0, failed: 1, removed: 1,
      results: [
        { ...result('41', 'failed'), failure: 'unreachable' },
        { ...result('42', 'removed'), failure: 'expired' },
      ],
    }));
    const { wrapper } = mountApp(SettingsPushDevices, { props: { currentId: '41' } });
    await flushPromises();

    await wrapper.get('[data-testid="btn-push-test"]').trigger('click');
    await flushPromises();

    const alert = wrapper.get('[role="alert"]');
    expect(alert.classes()).toContain('notice--error');
    expect(alert.text()).toMatch(/^La prueba no llegó a ningún dispositivo\./);
    const lines = alert.findAll('[data-testid="push-test-device"]').map((li) => li.text());
    expect(lines[0]).toMatch(/^fcm\.googleapis\.com \(este teléfono\): Turno no pudo conectarse/);
    expect(lines[1]).toMatch(/venció o se desactivó en el navegador: Turno la quita/);
    expect(alert.text()).not.toMatch(/ENOTFOUND|unreachable|expired/);
    expect(wrapper.find('[role="status"]').exists()).toBe(false);
  });

  it('shows a test that reached some devices as a failure too', async () => {
    serve(Response.json({
      devices: 2, delivered: 1, failed: 1, removed: 0,
      results: [result('41', 'delivered'), { ...result('42', 'failed'), failure: 'timeout' }],
    }));
    const { wrapper } = mountApp(SettingsPushDevices, { props: { currentId: null } });
    await flushPromises();

    await wrapper.get('[data-testid="btn-push-test"]').trigger('click');
    await flushPromises();

    const text = wrapper.get('[role="alert"]').text();
    expect(text).toMatch(/^La prueba llegó a 1 de 2 dispositivos\./);
    expect(text).toMatch(/recibió la prueba\..*no respondió a tiempo/s);
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
