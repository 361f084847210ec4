import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mountApp } from '../../test-utils.ts';
import { probeAlert } from './alert-fixture.ts';
import AlertInfra from './AlertInfra.vue';

const nb = '\u00a0';

function lines(alert: ReturnType<typeof probeAlert>): string[] {
  const { wrapper } = mountApp(AlertInfra, { props: { alert } });
  return wrapper.findAll('[data-testid="alert-infra-line"]').map((line) => line.text());
}

describe('AlertInfra', () => {
  beforeEach(() => {
    localStorage.clear();
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-02T18:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('names the CPU, its red line and the function failing most (5.1)', () => {
    const [cpu, busiest] = lines(probeAlert('rds-cpu-high', {
      database: 'flotas-develop', cpuPercent: 95, redLinePercent: 80,
      aboveSince: '2026-03-02T17:45:00.000Z', function: 'linde-mix-get-positions',
      functionErrors: 1,
    }));

    expect(cpu).toMatch(new RegExp(`^CPU de flotas-develop: 95${nb}% \\(línea roja: 80${nb}%\\) `
      + 'desde hace 15 minutos \\(2 mar 2026, 11:45\\s?a\\.m\\.\\)\\.$'));
    expect(busiest).toBe('La función que más falla ahora: linde-mix-get-positions (1 error en '
      + 'los últimos minutos). Pausar su programación baja la carga (pasos 5.1.4 a 5.1.6).');
  });

  it.each([
    [11.6, 'A este ritmo se llenaría en unas 12 horas.'],
    [1.2, 'A este ritmo se llenaría en cerca de una hora.'],
    [0.4, 'A este ritmo se llenaría en menos de una hora.'],
    [982, 'A este ritmo se llenaría en unos 41 días.'],
    [115_000, 'A este ritmo tardaría meses en llenarse.'],
  ])('says storage %s h from full is filling, in words a person reads', (hoursToFull, pace) => {
    expect(lines(probeAlert('rds-storage-low', {
      database: 'flotas-develop', freeGiB: 18, allocatedGiB: 100, freePercent: 18,
      lowPercent: 10, hoursToFull,
    }))).toEqual([`flotas-develop — libre: 18 GiB de 100 GiB (18${nb}%).`, pace]);
  });

  it('says why low storage that is not filling was flagged', () => {
    expect(lines(probeAlert('rds-storage-low', {
      database: 'flotas-develop', freeGiB: 7, allocatedGiB: 100, freePercent: 7, lowPercent: 10,
      hoursToFull: null,
    }))).toEqual([
      `flotas-develop — libre: 7 GiB de 100 GiB (7${nb}%).`,
      `Queda menos del 10${nb}% libre: el límite de la revisión.`,
    ]);
  });

  it('says the cron disk\'s use, its limit and the space left (T.7)', () => {
    expect(lines(probeAlert('cron-disk-full', {
      usePercent: 90, limitPercent: 85, availableGiB: 0.8,
    }))).toEqual([
      `Disco de flotas-cron-arc al 90${nb}% (límite 85${nb}%); quedan 0.8 GiB libres.`,
    ]);
  });

  it('says a pm2 process\'s status in words (T.9)', () => {
    expect(lines(probeAlert('pm2-process-down', {
      process: 'Linde-Locations', id: 1, status: 'errored',
    }))).toEqual(['El proceso de pm2 Linde-Locations (id 1) está «con error».']);
  });

  it('says which database is down, in what status, and what that stops (T.1)', () => {
    expect(lines(probeAlert('rds-unavailable', {
      database: 'flotas-develop', role: 'primary', status: 'stopped',
    }))).toEqual([
      'flotas-develop (principal) está «detenida»: no acepta conexiones.',
      'Es la base principal: ninguna función puede guardar datos hasta que vuelva a estar '
        + 'disponible.',
    ]);
  });

  it('shows RDS\'s status on the alert Sync_error opened for the same database down', () => {
    const replica = { database: 'flotas-develop-replica', role: 'replica', status: 'rebooting' };
    const bare = mountApp(AlertInfra, { props: { alert: probeAlert('database-unreachable', {}) } });

    expect(lines(probeAlert('database-unreachable', replica))).toEqual([
      'flotas-develop-replica (réplica) está «reiniciando»: no acepta conexiones.',
    ]);
    expect(bare.wrapper.find('[data-testid="alert-infra"]').exists()).toBe(false);
  });

  it('names the functions failing at once, their errors and the cause they share (T.12)', () => {
    const functions = ['linde-guardian-positions', 'linde-mix-get-events'];
    expect(lines(probeAlert('all-functions-failing', {
      functions: 2, windowMinutes: 10, errors: 14, commonCategory: 'database-unreachable',
      commonCard: 'T.1',
    }, functions))).toEqual([
      'Todas las funciones con programación activa (2) fallan: 14 errores en los últimos 10 min.',
      'Funciones: linde-guardian-positions, linde-mix-get-events.',
      'La causa que más se repite: La base de datos no responde (tarjeta T.1). Busca '
        + 'si Turno abrió también esa alerta (paso T.12.2).',
    ]);
  });

  it('says so when the failing functions share no classified cause', () => {
    expect(lines(probeAlert('all-functions-failing', {
      functions: 3, windowMinutes: 10, errors: 9, commonCategory: 'unclassified',
      commonCard: null,
    }))).toEqual([
      'Todas las funciones con programación activa (3) fallan: 9 errores en los últimos 10 min.',
      'La causa que más se repite: Error no reconocido. Léela en Server Health (paso T.12.2).',
    ]);
  });

  it('shows nothing for an alert that is not about infrastructure', () => {
    const { wrapper } = mountApp(AlertInfra, { props: { alert: probeAlert('gmail-token', {}) } });

    expect(wrapper.find('[data-testid="alert-infra"]').exists()).toBe(false);
  });
});
