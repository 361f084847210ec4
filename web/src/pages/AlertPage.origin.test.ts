import type { Alert, Database, Role, Schedule } from '@turno/shared';
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { diskFullAlert, probeAlert } from '../components/alerts/alert-fixture.ts';
import { useSessionStore } from '../stores/session.ts';
import { mountApp } from '../test-utils.ts';
import AlertPage from './AlertPage.vue';

function schedule(name: string): Schedule {
  return {
    group: 'default', name, state: 'ENABLED', function: name,
    targetArn: `arn:aws:lambda:us-east-1:111122223333:function:${name}`, managed: true,
    description: null, lastModified: null, endDate: null, firesNever: false,
  };
}

function database(id: string, role: Database['role']): Database {
  return {
    id, role, status: 'available', cpuPercent: 8, connections: 7, allocatedStorageGiB: 100,
    freeStorageGiB: 7, freeStoragePercent: 7, replicaLagSeconds: null, replicaOf: null,
    instanceClass: 'db.t4g.large', engine: 'postgres', zone: 'us-east-1c',
    maxAllocatedStorageGiB: null, storageType: 'gp3', iops: 3000, pendingModifiedValues: {},
    growStorage: { allowed: true, reason: null, suggestedGiB: 110, allowedFrom: null },
  };
}

const schedules = [schedule('linde-mix-get-events'), schedule('linde-guardian-positions')];
const databases = [
  database('flotas-develop-replica', 'replica'), database('flotas-develop', 'primary'),
];

async function show(alert: Alert, role: Role = 'operator') {
  vi.stubGlobal('fetch', vi.fn(async (input: string) => {
    const path = new URL(input, 'http://turno.test').pathname;
    if (path === `/api/alerts/${alert.id}`) return Response.json(alert);
    if (path === '/api/schedules') return Response.json(schedules);
    if (path === '/api/databases') return Response.json(databases);
    return new Response('{"error":{"code":"not_found","message":"x"}}', { status: 404 });
  }));
  const { wrapper, pinia } = mountApp(AlertPage, { props: { id: alert.id } });
  useSessionStore(pinia).start({
    token: 't', role, user: role, expiresAt: '2099-01-01T00:00:00.000Z',
  });
  await flushPromises();
  return wrapper;
}

const storageLow = () => probeAlert('rds-storage-low', {
  database: 'flotas-develop', freeGiB: 7, allocatedGiB: 100, freePercent: 7, lowPercent: 10,
  hoursToFull: 120,
}, ['flotas-develop'], '4.1');

describe('AlertPage, by what opened the alert', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-02T18:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('counts a probe\'s checks, shows its readings and no empty per-function boxes', async () => {
    const wrapper = await show(storageLow());

    expect(wrapper.get('[data-testid="alert-counts"]').text())
      .toBe('Lo detectaron 2 revisiones automáticas; la última hace 1 minuto.');
    expect(wrapper.text()).not.toMatch(/errores|Sin función/);
    expect(wrapper.findAll('[data-testid="alert-infra-line"]').map((line) => line.text()))
      .toEqual([
        'flotas-develop — libre: 7 GiB de 100 GiB (7\u00a0%).',
        'A este ritmo se llenaría en unos 5 días.',
        'Queda menos del 10\u00a0% libre: el límite de la revisión.',
      ]);
    expect(wrapper.find('[data-testid="alert-functions"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="alert-sources"]').exists()).toBe(false);
  });

  it('says low storage is filling, not full, and still walks card 4.1\'s steps', async () => {
    const wrapper = await show(storageLow());

    const summary = wrapper.get('[data-testid="alert-card-summary"]').text();
    expect(summary).toMatch(/^El disco de la base de datos \(RDS\) se está llenando/);
    expect(summary).not.toMatch(/se llenó|no puede guardar/);
    expect(wrapper.get('[data-testid="alert-card-number"]').text()).toBe('4.1');
    expect(wrapper.text()).toContain('4.1.8');
  });

  it('words one check and one error in the singular', async () => {
    const once = await show({ ...storageLow(), count: 1, checks: 1 });
    const oneError = await show({ ...diskFullAlert(), count: 1, checks: 0 });

    expect(once.get('[data-testid="alert-counts"]').text())
      .toBe('Lo detectó 1 revisión automática; la última hace 1 minuto.');
    expect(oneError.get('[data-testid="alert-counts"]').text())
      .toBe('1 error en total; el último hace 1 minuto.');
  });

  it('counts checks and Sync_error rows apart when both saw the cause', async () => {
    const wrapper = await show({ ...diskFullAlert(), count: 5, checks: 2 });

    expect(wrapper.get('[data-testid="alert-counts"]').text()).toBe('2 revisiones automáticas y '
      + '3 errores en Sync_error; visto por última vez hace 1 minuto.');
  });

  it('keeps a Sync_error alert\'s errors, functions and sources', async () => {
    const wrapper = await show(diskFullAlert());

    expect(wrapper.get('[data-testid="alert-counts"]').text())
      .toBe('15 errores en total; el último hace 1 minuto.');
    expect(wrapper.get('[data-testid="alert-functions"]').text()).toContain('linde-mix-get-events');
    expect(wrapper.get('[data-testid="alert-sources"]').text()).toContain('MIX');
    expect(wrapper.get('[data-testid="alert-card-summary"]').text()).toMatch(/se llenó/);
  });

  it.each([
    ['T.6', 'whatsapp-config'], ['3.2', 'gmail-token'],
  ])('shows no empty per-function or per-source heading on card %s', async (card, category) => {
    const wrapper = await show({
      ...diskFullAlert(), card, category, key: category, functions: [], sources: [],
    });

    expect(wrapper.get('[data-testid="alert-counts"]').text()).toMatch(/^15 errores/);
    expect(wrapper.text()).not.toMatch(/Por función|Por fuente de datos/);
  });

  it('shows the per-function tally alone when no data source was logged', async () => {
    const wrapper = await show({ ...diskFullAlert(), sources: [] });

    expect(wrapper.get('[data-testid="alert-functions"]').text()).toContain('linde-guardian');
    expect(wrapper.find('[data-testid="alert-sources"]').exists()).toBe(false);
  });

  it('offers card 4.1\'s storage growth on the primary, and no pause 4.1 never asks for',
    async () => {
      const wrapper = await show(diskFullAlert(), 'admin');

      expect(wrapper.findAll('[data-testid="btn-pause-schedule"]')).toHaveLength(0);
      const grow = wrapper.get('[data-testid="btn-alert-grow"]');
      expect(grow.text()).toBe('Aumentar almacenamiento de flotas-develop (paso 4.1.4)');
      expect(grow.attributes('disabled')).toBeUndefined();
    });

  it('shows an operator the grow button held for admins, with the reason', async () => {
    const wrapper = await show(storageLow());

    expect(wrapper.get('[data-testid="btn-alert-grow"]').attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-testid="alert-grow"]').text())
      .toContain('Solo un administrador puede aumentar el almacenamiento.');
  });

  it('offers the pause of card 5.1 (step 5.1.6) for the functions failing', async () => {
    const timeouts: Alert = {
      ...diskFullAlert(), category: 'provider-timeout', card: '5.1', key: 'provider-timeout',
    };

    const wrapper = await show(timeouts);

    expect(wrapper.findAll('[data-testid="btn-pause-schedule"]')
      .map((button) => button.attributes('data-schedule')))
      .toEqual(['linde-mix-get-events', 'linde-guardian-positions']);
    expect(wrapper.find('[data-testid="btn-alert-grow"]').exists()).toBe(false);
  });

  it('offers T.7\'s pm2 flush on the cron disk alert', async () => {
    const wrapper = await show(probeAlert('cron-disk-full', {
      usePercent: 90, limitPercent: 85, availableGiB: 0.84,
    }, ['i-0a1b2c3d4e5f60002'], 'T.7'));

    expect(wrapper.get('[data-testid="btn-alert-flush"]').text()).toBe('Vaciar logs de pm2');
    expect(wrapper.findAll('[data-testid="btn-pause-schedule"]')).toHaveLength(0);
  });
});
