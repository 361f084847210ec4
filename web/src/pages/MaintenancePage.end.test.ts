import type { MaintenanceWindow } from '@turno/shared';
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '../stores/session.ts';
import { mountApp } from '../test-utils.ts';
import MaintenancePage from './MaintenancePage.vue';

const hour = 3_600_000;
const at = (hours: number) => new Date(Date.now() + hours * hour).toISOString();

const active: MaintenanceWindow = {
  id: '3', startsAt: at(-1), endsAt: at(2), resources: ['ultramsg', 'cron-disk'],
  reason: 'Pago de UltraMsg', createdBy: 'admin', endedBy: null, state: 'active',
};
const scheduled: MaintenanceWindow = {
  ...active, id: '4', startsAt: at(24), endsAt: at(26), reason: 'Cambio de clase',
  resources: ['flotas-develop'], state: 'scheduled',
};

const gone = () => Response.json({
  error: { code: 'maintenance_not_found', message: 'That maintenance window does not exist.' },
}, { status: 404 });

async function mountWith(window: MaintenanceWindow, deleted = () => Response.json({})) {
  const deletes: string[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    if (url.endsWith('/resources')) return Response.json({ complete: true, resources: [] });
    if (init?.method !== 'DELETE') return Response.json(deletes.length ? [] : [window]);
    deletes.push(url);
    return deleted();
  }));
  const { wrapper, pinia } = mountApp(MaintenancePage);
  useSessionStore(pinia).start({ token: 't', role: 'admin', user: 'admin', expiresAt: at(1) });
  await flushPromises();
  const sheet = () => wrapper.find('[data-testid="maintenance-end-sheet"]');
  const tap = async (testid: string) => {
    await wrapper.get(`[data-testid="${testid}"]`).trigger('click');
    await flushPromises();
  };
  return { wrapper, deletes, sheet, tap };
}

describe('MaintenancePage ending a window', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks before ending a running window, and ends it on "Sí, terminar ahora"', async () => {
    const { wrapper, deletes, sheet, tap } = await mountWith(active);
    expect(wrapper.get('[data-testid="btn-maintenance-end"]').text()).toBe('Terminar ahora');

    await tap('btn-maintenance-end');

    expect(deletes).toEqual([]);
    expect(sheet().get('h2').text()).toBe('¿Terminar ahora la ventana «Pago de UltraMsg»?');
    expect(sheet().text()).toContain('Recursos: WhatsApp (UltraMsg), Disco del servidor cron');
    expect(sheet().text()).toContain('Turno avisará a la guardia de las alertas que retiene');
    expect(wrapper.get('[data-testid="maintenance-end-accept"]').text())
      .toBe('Sí, terminar ahora');
    await tap('maintenance-end-accept');

    expect(deletes).toEqual(['/api/maintenance/3']);
    expect(sheet().exists()).toBe(false);
  });

  it('calls deleting a window not begun "Eliminar", and "Cancelar" keeps it', async () => {
    const { wrapper, deletes, sheet, tap } = await mountWith(scheduled);
    expect(wrapper.get('[data-testid="btn-maintenance-end"]').text()).toBe('Eliminar');

    await tap('btn-maintenance-end');
    expect(sheet().get('h2').text()).toBe('¿Eliminar la ventana «Cambio de clase»?');
    expect(wrapper.get('[data-testid="maintenance-end-accept"]').text()).toBe('Sí, eliminar');
    expect(wrapper.get('[data-testid="maintenance-end-cancel"]').text()).toBe('Cancelar');
    await tap('maintenance-end-cancel');

    expect(sheet().exists()).toBe(false);
    expect(deletes).toEqual([]);
    expect(wrapper.findAll('[data-testid="maintenance-window"]')).toHaveLength(1);
  });

  it('deletes once under a double tap on "Sí, eliminar"', async () => {
    const { wrapper, deletes, tap } = await mountWith(scheduled);
    await tap('btn-maintenance-end');

    const accept = wrapper.get('[data-testid="maintenance-end-accept"]');
    (accept.element as HTMLButtonElement).click();
    (accept.element as HTMLButtonElement).click();
    await flushPromises();

    expect(deletes).toEqual(['/api/maintenance/4']);
  });

  it('takes a window already gone as deleted, with no error', async () => {
    const { wrapper, deletes, sheet, tap } = await mountWith(scheduled, gone);

    await tap('btn-maintenance-end');
    await tap('maintenance-end-accept');

    expect(deletes).toEqual(['/api/maintenance/4']);
    expect(sheet().exists()).toBe(false);
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="maintenance-window"]').exists()).toBe(false);
  });

  it('keeps the sheet open with the reason when ending fails', async () => {
    const { wrapper, sheet, tap } = await mountWith(active, () => Response.json({
      error: { code: 'database_unavailable', message: 'The database did not answer.' },
    }, { status: 503 }));

    await tap('btn-maintenance-end');
    await tap('maintenance-end-accept');

    expect(sheet().get('[role="alert"]').text()).toMatch(/^La base de datos no respondió/);
    expect(wrapper.find('[data-testid="maintenance-end-accept"]').attributes('disabled'))
      .toBeUndefined();
  });
});
