import type { MaintenanceWindow, Role } from '@turno/shared';
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '../stores/session.ts';
import { mountApp } from '../test-utils.ts';
import MaintenancePage from './MaintenancePage.vue';

const active: MaintenanceWindow = {
  id: '3', startsAt: '2026-11-01T07:00:00.000Z', endsAt: '2026-11-01T10:00:00.000Z',
  resources: ['ultramsg'], reason: 'Pago de UltraMsg', createdBy: 'admin', endedBy: null,
  state: 'active',
};

function serve() {
  const calls: Array<{ url: string; method: string; body: unknown }> = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    calls.push({ url, method, body: init?.body ? JSON.parse(String(init.body)) : null });
    return method === 'GET' ? Response.json([active]) : Response.json(active, { status: 201 });
  }));
  return calls;
}

async function mountAs(role: Role) {
  const calls = serve();
  const { wrapper, pinia } = mountApp(MaintenancePage);
  useSessionStore(pinia).start({
    token: 't', role, user: role, expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  });
  await flushPromises();
  return { wrapper, calls };
}

describe('MaintenancePage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
  });

  it('shows a window in Mexico City time on a phone in LA on its fall-back night', async () => {
    vi.stubEnv('TZ', 'America/Los_Angeles');

    const { wrapper } = await mountAs('viewer');

    const row = wrapper.get('[data-testid="maintenance-window"]').text();
    expect(row).toMatch(/Del 1 nov 2026, 1:00\s?a\.m\. al 1 nov 2026, 4:00\s?a\.m\./);
    expect(row).toMatch(/Recursos: ultramsg/);
    expect(wrapper.find('[data-testid="maintenance-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="btn-maintenance-end"]').exists()).toBe(false);
  });

  it('lets an admin create a window typed in Mexico City time', async () => {
    vi.stubEnv('TZ', 'America/Los_Angeles');
    const { wrapper, calls } = await mountAs('admin');

    await wrapper.get('[data-testid="maintenance-from"]').setValue('2026-11-01T01:30');
    await wrapper.get('[data-testid="maintenance-to"]').setValue('2026-11-01T03:00');
    await wrapper.get('[data-testid="maintenance-resources"]')
      .setValue('linde-mix-get-events\ni-0abc1234, ultramsg');
    await wrapper.get('[data-testid="maintenance-reason"]').setValue('Cambio de credenciales');
    await wrapper.get('[data-testid="maintenance-form"]').trigger('submit');
    await flushPromises();

    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({
      startsAt: '2026-11-01T07:30:00.000Z', endsAt: '2026-11-01T09:00:00.000Z',
      resources: ['linde-mix-get-events', 'i-0abc1234', 'ultramsg'],
      reason: 'Cambio de credenciales',
    });
  });

  it('lets an admin end an active window', async () => {
    const { wrapper, calls } = await mountAs('admin');

    await wrapper.get('[data-testid="btn-maintenance-end"]').trigger('click');
    await flushPromises();

    expect(calls.find((call) => call.method === 'DELETE')?.url).toBe('/api/maintenance/3');
  });
});
