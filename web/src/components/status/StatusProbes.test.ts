import type { ProbeStatus } from '@turno/shared';
import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTurnoI18n } from '../../i18n/index.ts';
import StatusProbes from './StatusProbes.vue';

const now = new Date('2026-03-02T18:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();

function probe(fields: Partial<ProbeStatus> & { probe: string }): ProbeStatus {
  return {
    outcome: 'ok', lastRunAt: minutesAgo(2), nextRunAt: null, lastOkAt: minutesAgo(2),
    lastFailure: null, failures: 0, summary: {}, ...fields,
  };
}

const probes: ProbeStatus[] = [
  probe({
    probe: 'rds', summary: {
      databases: 2, notAvailable: 0, maxCpuPercent: 8.4, minFreeStoragePercent: 18,
      hoursToFull: null,
    },
  }),
  probe({
    probe: 'pm2', outcome: 'failed', lastRunAt: minutesAgo(1), lastOkAt: minutesAgo(125),
    failures: 3, lastFailure: 'the cron host did not finish pm2-list within 15 s',
    summary: { processes: 3, online: 3, daemon: 'up' },
  }),
  probe({ probe: 'cron-disk', outcome: 'problem', summary: { diskUsePercent: 90 } }),
  probe({ probe: 'ultramsg', summary: { queueLength: 4 } }),
  probe({ probe: 'gmail', outcome: null, lastRunAt: null, summary: null }),
];

function render(locale: 'es-MX' | 'en' = 'es-MX') {
  const wrapper = mount(StatusProbes, {
    props: { probes }, global: { plugins: [createTurnoI18n(locale)] },
  });
  const row = (name: string) => wrapper.get(`[data-probe="${name}"]`);
  return { wrapper, row };
}

describe('StatusProbes', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(now);
  });
  afterEach(() => vi.useRealTimers());

  it('lists failing probes first, then problems, then the healthy', () => {
    const { wrapper } = render();

    expect(wrapper.findAll('[data-testid="probe-row"]').map((r) => r.attributes('data-probe')))
      .toEqual(['pm2', 'cron-disk', 'rds', 'ultramsg', 'gmail']);
  });

  it('says each outcome in words, with its own colour', () => {
    const { row } = render();

    expect(row('rds').get('[data-testid="probe-outcome"]').text()).toBe('Bien');
    expect(row('rds').classes()).toContain('probe--ok');
    expect(row('cron-disk').get('[data-testid="probe-outcome"]').text()).toBe('Con problema');
    expect(row('cron-disk').classes()).toContain('probe--problem');
    expect(row('pm2').get('[data-testid="probe-outcome"]').text()).toBe('No se pudo revisar');
    expect(row('pm2').classes()).toContain('probe--failed');
    expect(row('gmail').text()).toContain('Sin revisar aún');
  });

  it('shows the last run as a relative time, its Mexico City time on hover', () => {
    const { row } = render();

    const time = row('rds').get('time');
    expect(time.text()).toBe('Última revisión hace 2 minutos');
    expect(time.attributes('title')).toMatch(/2 mar 2026, 11:58\s?a\.m\./);
    expect(row('gmail').get('[data-testid="probe-last-run"]').text()).toBe('Todavía no corre');
  });

  it('puts the summary into words, a value that is not there too', () => {
    const { row } = render();

    expect(row('rds').findAll('[data-testid="probe-summary"] li').map((li) => li.text()))
      .toEqual([
        'Bases de datos: 2', 'No disponibles: 0', 'CPU más alta: 8.4 %',
        'Menor espacio libre: 18 %', 'El almacenamiento no se está llenando',
      ]);
    expect(row('ultramsg').get('[data-testid="probe-summary"]').text()).toBe('queueLength: 4');
  });

  it('shows a failing probe as such: how often, why, and when it last worked', () => {
    const { row } = render();

    expect(row('pm2').get('[data-testid="probe-failure"]').text()).toBe(
      'Falló 3 veces seguidas: the cron host did not finish pm2-list within 15 s',
    );
    expect(row('pm2').text()).toContain('Última revisión buena: hace 2 horas');
    expect(row('pm2').find('[data-testid="probe-summary"]').exists()).toBe(false);
  });

  it('speaks English too', () => {
    const { row } = render('en');

    expect(row('rds').text()).toContain('Highest CPU: 8.4 %');
    expect(row('rds').get('time').text()).toBe('Last checked 2 minutes ago');
    expect(row('pm2').get('[data-testid="probe-outcome"]').text()).toBe('Could not check');
  });

  it('says so when no probe has run yet', () => {
    const wrapper = mount(StatusProbes, {
      props: { probes: [] }, global: { plugins: [createTurnoI18n()] },
    });

    expect(wrapper.get('[data-testid="probes-none"]').text())
      .toBe('Todavía no ha corrido ninguna revisión.');
  });
});
