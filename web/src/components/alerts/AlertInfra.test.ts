import type { Alert, Role } from '@turno/shared';
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '../../stores/session.ts';
import { mountApp } from '../../test-utils.ts';
import AlertInfra from './AlertInfra.vue';

const flushId = '00000000-0000-4000-8000-000000000003';
const disk = (usePercent: number) => ({ usePercent, sizeGiB: 8, usedGiB: 7, availableGiB: 1 });

function probeAlert(
  category: string, detail: Record<string, unknown>, resources: string[] = [],
): Alert {
  return {
    id: 'p-1', category, card: null, severity: 'high', state: 'open', count: 1,
    functions: [], sources: [], firstSeen: '2026-03-02T17:50:00.000Z',
    lastSeen: '2026-03-02T17:59:00.000Z', openedAt: '2026-03-02T17:50:00.000Z',
    acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, resolvedBy: null, samples: [],
    key: `probe:x:${category}`, origin: 'probe', probe: 'x', detail, resources, reopened: 0,
    reopenedAt: null, reopenedAfterBy: null,
  };
}

function mountAs(alert: Alert, role: Role = 'operator') {
  const posts: unknown[] = [];
  let polls = 0;
  vi.stubGlobal('fetch', vi.fn(async (input: string, init?: RequestInit) => {
    if (init?.method === 'POST') {
      posts.push(JSON.parse(String(init.body)));
      return Response.json({ commandId: flushId, kind: 'pm2-flush', replayed: false },
        { status: 202 });
    }
    if (input.includes('/api/cron-host/commands/')) {
      polls += 1;
      return Response.json(polls < 2
        ? { commandId: flushId, kind: 'pm2-flush', status: 'running' }
        : {
          commandId: flushId, kind: 'pm2-flush', status: 'success',
          output: { kind: 'pm2-flush', diskBefore: disk(90), diskAfter: disk(37) },
        });
    }
    return Response.json([]);
  }));
  const { wrapper, pinia } = mountApp(AlertInfra, { props: { alert } });
  useSessionStore(pinia).start({
    token: 't', role, user: role, expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  });
  return { wrapper, posts };
}

const lines = (wrapper: ReturnType<typeof mountAs>['wrapper']) =>
  wrapper.findAll('[data-testid="alert-infra-line"]').map((line) => line.text());

describe('AlertInfra', () => {
  beforeEach(() => {
    localStorage.clear();
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-02T18:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('names the CPU, its red line and the function failing most (5.1)', () => {
    const { wrapper } = mountAs(probeAlert('rds-cpu-high', {
      database: 'flotas-develop', cpuPercent: 95, redLinePercent: 80,
      aboveSince: '2026-03-02T17:45:00.000Z', function: 'linde-mix-get-positions',
      functionErrors: 3,
    }));

    const [cpu, busiest] = lines(wrapper);
    expect(cpu).toMatch(new RegExp('^CPU de flotas-develop: 95 % \\(línea roja: 80 %\\) desde '
      + 'hace 15 minutos \\(2 mar 2026, 11:45\\s?a\\.m\\.\\)\\.$'));
    expect(busiest).toBe('La función que más falla ahora: linde-mix-get-positions (3 errores en '
      + 'los últimos minutos). Pausar su programación baja la carga (pasos 5.1.4 a 5.1.6).');
  });

  it('says how soon storage runs out and offers card 4.1\'s grow to an admin only', async () => {
    const { wrapper } = mountAs(probeAlert('rds-storage-low', {
      database: 'flotas-develop', freeGiB: 18, allocatedGiB: 100, freePercent: 18,
      hoursToFull: 11.6,
    }), 'operator');
    await flushPromises();

    expect(lines(wrapper)).toEqual([
      'flotas-develop: 18 GiB libres de 100 GiB (18 %).', 'A este ritmo se llena en unas 12 h.',
    ]);
    expect(wrapper.get('[data-testid="alert-grow"]').text())
      .toContain('Solo un administrador puede aumentar el almacenamiento.');
  });

  it('flushes the pm2 logs from the alert after confirming (T.7)', async () => {
    const { wrapper, posts } = mountAs(probeAlert('cron-disk-full', {
      usePercent: 90, limitPercent: 85, availableGiB: 0.8,
    }));

    expect(lines(wrapper)).toEqual([
      'Disco de flotas-cron-arc al 90 % (límite 85 %); quedan 0.8 GiB libres.',
    ]);
    await flushPromises();
    await wrapper.get('[data-testid="btn-alert-flush"]').trigger('click');
    await wrapper.get('[data-testid="flush-accept"]').trigger('click');
    await vi.advanceTimersByTimeAsync(5_000);

    expect(posts).toEqual([{ kind: 'pm2-flush' }]);
    expect(wrapper.get('[data-testid="alert-flush-done"]').text())
      .toBe('Logs vaciados: el disco pasó de 90 % a 37 % en uso.');
  });

  it('says which database is down, in what status, and what that stops (T.1)', () => {
    const { wrapper } = mountAs(probeAlert('rds-unavailable', {
      database: 'flotas-develop', role: 'primary', status: 'stopped',
    }));

    expect(lines(wrapper)).toEqual([
      'flotas-develop (principal) está «detenida»: no acepta conexiones.',
      'Es la base principal: ninguna función puede guardar datos hasta que vuelva a estar '
        + 'disponible.',
    ]);
  });

  it('shows RDS\'s status on the alert Sync_error opened for the same database down', () => {
    const replica = { database: 'flotas-develop-replica', role: 'replica', status: 'rebooting' };
    const { wrapper } = mountAs(probeAlert('database-unreachable', replica));
    const bare = mountAs(probeAlert('database-unreachable', {}));

    expect(lines(wrapper)).toEqual([
      'flotas-develop-replica (réplica) está «reiniciando»: no acepta conexiones.',
    ]);
    expect(bare.wrapper.find('[data-testid="alert-infra"]').exists()).toBe(false);
  });

  it('names the functions failing at once, their errors and the cause they share (T.12)', () => {
    const functions = ['linde-guardian-positions', 'linde-mix-get-events'];
    const { wrapper } = mountAs(probeAlert('all-functions-failing', {
      functions: 2, windowMinutes: 10, errors: 14, commonCategory: 'database-unreachable',
      commonCard: 'T.1',
    }, functions));

    expect(lines(wrapper)).toEqual([
      'Las 2 funciones con programación activa registraron 14 errores en los últimos 10 min.',
      'Funciones: linde-guardian-positions, linde-mix-get-events.',
      'La causa que más se repite: La base de datos no responde (tarjeta T.1). Busca '
        + 'si Turno abrió también esa alerta (paso T.12.2).',
    ]);
  });

  it('says so when the failing functions share no classified cause', () => {
    const { wrapper } = mountAs(probeAlert('all-functions-failing', {
      functions: 3, windowMinutes: 10, errors: 9, commonCategory: 'unclassified',
      commonCard: null,
    }));

    expect(lines(wrapper)).toEqual([
      'Las 3 funciones con programación activa registraron 9 errores en los últimos 10 min.',
      'La causa que más se repite: Error no reconocido. Léela en Server Health (paso T.12.2).',
    ]);
  });

  it('shows nothing for an alert that is not about infrastructure', () => {
    const { wrapper } = mountAs(probeAlert('gmail-token', {}));

    expect(wrapper.find('[data-testid="alert-infra"]').exists()).toBe(false);
  });
});
