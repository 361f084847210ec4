import type {
  AppLocale, MaintenanceResources, MaintenanceWindow, Role,
} from '@turno/shared';
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

const catalog: MaintenanceResources = {
  complete: true,
  resources: [
    { name: 'flotas-application-develop', kind: 'instance', aliases: ['i-0a1b2c3d4e5f60001'] },
    { name: 'flotas-cron-arc', kind: 'instance', aliases: ['i-0a1b2c3d4e5f60002'] },
    { name: 'flotas-develop', kind: 'database', aliases: [] },
    { name: 'linde-mix-get-events', kind: 'function', aliases: [] },
    { name: 'MIX', kind: 'data-source', aliases: ['1'] },
    { name: 'ultramsg', kind: 'service', aliases: [] },
    { name: 'gmail', kind: 'service', aliases: [] },
    { name: 'all-functions', kind: 'probe', aliases: [] },
    { name: 'cron-disk', kind: 'probe', aliases: [] },
  ],
};

function serve(
  created: () => Response = () => Response.json(active, { status: 201 }),
  windows: MaintenanceWindow[] = [active],
) {
  const calls: Array<{ url: string; method: string; body: unknown }> = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    calls.push({ url, method, body: init?.body ? JSON.parse(String(init.body)) : null });
    if (url === '/api/maintenance/resources') return Response.json(catalog);
    return method === 'GET' ? Response.json(windows) : created();
  }));
  return calls;
}

interface Setting {
  created?: () => Response;
  windows?: MaintenanceWindow[];
  locale?: AppLocale;
}

async function mountAs(role: Role, { created, windows, locale }: Setting = {}) {
  const calls = serve(created, windows);
  const { wrapper, pinia } = mountApp(MaintenancePage, {}, locale);
  useSessionStore(pinia).start({
    token: 't', role, user: role, expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  });
  await flushPromises();
  return { wrapper, calls };
}

type Wrapper = Awaited<ReturnType<typeof mountAs>>['wrapper'];

const options = (wrapper: Wrapper) => wrapper
  .findAll<HTMLInputElement>('[data-testid="maintenance-resource"]')
  .map((box) => box.element.value);

async function pick(wrapper: Wrapper, name: string): Promise<void> {
  const box = wrapper.findAll<HTMLInputElement>('[data-testid="maintenance-resource"]')
    .find((one) => one.element.value === name);
  if (!box) throw new Error(`${name} is not offered`);
  await box.setValue(true);
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
    expect(row).toContain('Recursos: WhatsApp (UltraMsg)');
    expect(wrapper.find('[data-testid="maintenance-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="btn-maintenance-end"]').exists()).toBe(false);
  });

  it('lets an admin create a window typed in Mexico City time', async () => {
    vi.stubEnv('TZ', 'America/Los_Angeles');
    const { wrapper, calls } = await mountAs('admin');

    await wrapper.get('[data-testid="maintenance-from"]').setValue('2026-11-01T01:30');
    await wrapper.get('[data-testid="maintenance-to"]').setValue('2026-11-01T03:00');
    await pick(wrapper, 'linde-mix-get-events');
    await pick(wrapper, 'ultramsg');
    await wrapper.get('[data-testid="maintenance-reason"]').setValue('Cambio de credenciales');
    await wrapper.get('[data-testid="maintenance-form"]').trigger('submit');
    await flushPromises();

    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({
      startsAt: '2026-11-01T07:30:00.000Z', endsAt: '2026-11-01T09:00:00.000Z',
      resources: ['linde-mix-get-events', 'ultramsg'],
      reason: 'Cambio de credenciales',
    });
  });

  it('offers the known resources by kind and finds an instance by its id', async () => {
    const { wrapper, calls } = await mountAs('admin');

    const legends = wrapper.findAll('legend').map((legend) => legend.text());
    expect(legends).toEqual(expect.arrayContaining([
      'Instancias EC2', 'Bases de datos RDS', 'Funciones Lambda', 'Orígenes de datos',
    ]));
    await wrapper.get('[data-testid="maintenance-filter"]').setValue('60002');
    expect(options(wrapper)).toEqual(['flotas-cron-arc']);
    await pick(wrapper, 'flotas-cron-arc');
    expect(wrapper.get('[data-testid="maintenance-chosen"]').text()).toContain('flotas-cron-arc');
    await wrapper.get('[data-testid="maintenance-reason"]').setValue('Disco del cron');
    await wrapper.get('[data-testid="maintenance-form"]').trigger('submit');
    await flushPromises();

    expect(calls.find((call) => call.method === 'POST')?.body)
      .toMatchObject({ resources: ['flotas-cron-arc'] });
  });

  it('names Turno\'s probes and the messaging services as Estado does, sending ids', async () => {
    const { wrapper, calls } = await mountAs('admin');

    const shown = wrapper.findAll('.option').map((option) => option.text());
    expect(shown).toEqual(expect.arrayContaining([
      'WhatsApp (UltraMsg)', 'Gmail', 'Todas las funciones a la vez', 'Disco del servidor cron',
    ]));
    expect(shown).not.toContain('cron-disk');
    await wrapper.get('[data-testid="maintenance-filter"]').setValue('disco');
    expect(options(wrapper)).toEqual(['cron-disk']);
    await pick(wrapper, 'cron-disk');
    const chip = wrapper.get('[data-testid="maintenance-chosen"] button');
    expect(chip.text()).toBe('Disco del servidor cron ✕');
    expect(chip.attributes('aria-label')).toBe('Quitar Disco del servidor cron');
    await wrapper.get('[data-testid="maintenance-reason"]').setValue('Limpieza del disco');
    await wrapper.get('[data-testid="maintenance-form"]').trigger('submit');
    await flushPromises();

    expect(calls.find((call) => call.method === 'POST')?.body)
      .toMatchObject({ resources: ['cron-disk'] });
  });

  it.each([
    ['es-MX', 'Recursos: Bases de datos (RDS), Disco del servidor cron, WhatsApp (UltraMsg)'],
    ['en', 'Resources: Databases (RDS), Cron server disk, WhatsApp (UltraMsg)'],
  ] as const)('names a saved window\'s probes and services in %s', async (locale, holds) => {
    const window = { ...active, resources: ['rds', 'cron-disk', 'ultramsg'] };

    const { wrapper } = await mountAs('viewer', { windows: [window], locale });

    expect(wrapper.get('[data-testid="maintenance-window"]').text()).toContain(holds);
  });

  it('sends nothing and says so when no resource is picked', async () => {
    const { wrapper, calls } = await mountAs('admin');

    await wrapper.get('[data-testid="maintenance-reason"]').setValue('Disco del cron');
    await wrapper.get('[data-testid="maintenance-form"]').trigger('submit');
    await flushPromises();

    expect(calls.some((call) => call.method === 'POST')).toBe(false);
    expect(wrapper.get('[data-testid="maintenance-form"] [role="alert"]').text())
      .toContain('recursos');
  });

  it('names the resources the API did not know in its refusal', async () => {
    const { wrapper } = await mountAs('admin', { created: () => Response.json({
      error: {
        code: 'maintenance_unknown_resource', message: 'unknown',
        details: { names: ['foo-bar-inexistente'] },
      },
    }, { status: 400 }) });

    await pick(wrapper, 'flotas-cron-arc');
    await wrapper.get('[data-testid="maintenance-reason"]').setValue('Disco del cron');
    await wrapper.get('[data-testid="maintenance-form"]').trigger('submit');
    await flushPromises();

    expect(wrapper.get('[data-testid="maintenance-form"] [role="alert"]').text()).toBe(
      'Turno no conoce foo-bar-inexistente: elige los recursos de la lista.',
    );
  });
});
