import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTurnoI18n } from '../../i18n/index.ts';
import { everyProbe, hoursAhead, minutesAgo, now, probe } from './probe-fixtures.ts';
import type { ProbeView } from './probe-summary.ts';
import StatusProbes from './StatusProbes.vue';

const probes: ProbeView[] = [
  probe('rds', {
    databases: 2, notAvailable: 0, maxCpuPercent: 8.4, minFreeStoragePercent: 18,
    hoursToFull: null,
  }),
  probe('pm2', { processes: 3, online: 3, daemon: 'up' }, {
    outcome: 'failed', lastRunAt: minutesAgo(1), lastOkAt: minutesAgo(125), failures: 3,
    lastFailure: 'the cron host did not finish pm2-list within 15 s',
  }),
  probe('cron-disk', { diskUsePercent: 90, availableGiB: 2 }, { outcome: 'problem' }),
  probe('ultramsg', { status: 'qr', substatus: 'normal', queue: null, queueWarning: false }),
  probe('gmail', null, { outcome: null, lastRunAt: null }),
];

function render(list: ProbeView[] = probes, locale: 'es-MX' | 'en' = 'es-MX') {
  const wrapper = mount(StatusProbes, {
    props: { probes: list }, global: { plugins: [createTurnoI18n(locale)] },
  });
  const row = (name: string) => wrapper.get(`[data-probe="${name}"]`);
  const lines = (name: string) =>
    row(name).findAll('[data-testid="probe-summary"] li').map((li) => li.text());
  return { wrapper, row, lines };
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
    const { lines } = render();

    expect(lines('rds')).toEqual([
      'Bases de datos: 2', 'No disponibles: 0', 'CPU más alta: 8.4 %',
      'Menor espacio libre: 18 %', 'El almacenamiento no se está llenando',
    ]);
    expect(lines('ultramsg')).toEqual([
      'Instancia: desvinculada, hay que escanear el QR', 'Conexión: normal',
      'No se pudo leer la cola', 'La cola de envío no está creciendo',
    ]);
  });

  it('says how soon storage fills up as people say it, not in hours', () => {
    const filling = probe('rds', {
      databases: 2, notAvailable: 0, maxCpuPercent: 8.4, minFreeStoragePercent: 18,
      hoursToFull: 3626.2,
    });

    expect(render([filling]).lines('rds')).toContain('Se llenaría en unos 151 días');
    expect(render([filling], 'en').lines('rds')).toContain('Would fill up in about 151 days');
  });

  it('gives Gmail\'s retry time in Mexico City, with how long is left', () => {
    const { lines } = render(everyProbe);

    expect(lines('gmail-sending')).toEqual([
      'Gmail rechaza los envíos: límite alcanzado',
      expect.stringMatching(/^Volverá a enviar dentro de 3 horas \(2 mar 2026, 3:00\s?p\.m\.\)$/),
      'Hora calculada según la hora que dio Gmail',
      'Todavía hay que esperar',
    ]);
  });

  it('reads a summary in its probe\'s order, whatever order the database kept', () => {
    // As PostgreSQL's jsonb hands it back: shorter keys first.
    const stored = probe('gmail-sending', null, {
      summary: { basis: 'runbook', retryAt: null, waiting: false, saturated: true, extra: 1 },
    });
    const { lines } = render([stored]);

    expect(lines('gmail-sending')).toEqual([
      'Gmail rechaza los envíos: límite alcanzado', 'Sin hora para volver a enviar',
      'Hora calculada según el manual (24 h desde el primer error)',
      'Ya pasó la hora de volver a enviar', 'extra: 1',
    ]);
  });

  it('says when the token and the phone reminder run out, counted from the run', () => {
    const { lines, row } = render(everyProbe);

    expect(lines('gmail')).toEqual([
      'Token de OAuth: renovado', 'El token nuevo vence dentro de 58 minutos',
    ]);
    expect(row('whatsapp-reminder').get('strong').text())
      .toBe('Recordatorio del celular de WhatsApp');
    expect(lines('whatsapp-reminder')).toEqual([
      expect.stringMatching(/^Próximo recordatorio dentro de 3 días \(5 mar 2026, 12:00\s?p/),
      expect.stringMatching(/^Último «Listo» hace 9 días \(21 feb 2026, 12:00\s?p\.m\.\)$/),
      'Todavía no se ha enviado un recordatorio',
      'Esta revisión no tuvo que recordar nada',
    ]);
  });

  it('says how many functions fail at once, and over which window', () => {
    const { lines, row } = render(everyProbe);

    expect(row('all-functions').get('strong').text()).toBe('Todas las funciones a la vez');
    expect(lines('all-functions')).toEqual([
      'Funciones con programación activa: 5', 'Con errores recientes: 2',
      'Errores contados de los últimos 10 min',
    ]);
  });

  it('shows no raw key, probe id or UTC time for any probe', () => {
    const { wrapper } = render(everyProbe);

    const names = wrapper.findAll('[data-testid="probe-row"] strong').map((name) => name.text());
    const lines = wrapper.findAll('[data-testid="probe-summary"] li').map((li) => li.text());
    expect(names.filter((name) => everyProbe.some((p) => p.probe === name))).toEqual([]);
    // A line with no words is "key: value", and keys start in lower case.
    expect(lines.filter((line) => /^[a-z]|\d{4}-\d{2}-\d{2}T|:\d{2}Z/.test(line))).toEqual([]);
    expect(lines).toHaveLength(
      everyProbe.reduce((sum, p) => sum + Object.keys(p.summary ?? {}).length, 0));
  });

  it('keeps a value it has no words for as it came', () => {
    const { lines } = render([probe('ultramsg', {
      status: 'booting', substatus: null, queue: 0, queueWarning: true,
    })]);

    expect(lines('ultramsg')).toEqual([
      'Instancia: booting', 'Conexión sin subestado', 'Mensajes en cola: 0',
      'La cola de envío está creciendo',
    ]);
  });

  it('says why the WhatsApp queue could not be read, and how many times in a row', () => {
    const unread = probe('ultramsg', {
      status: 'authenticated', substatus: 'connected', queue: null,
      queueError: 'UltraMsg messages/statistics answered 502', queueFailures: 2,
      queueWarning: false,
    }, { outcome: 'problem' });

    expect(render([unread]).lines('ultramsg')).toEqual([
      'Instancia: vinculada', 'Conexión: conectada', 'No se pudo leer la cola',
      'Error al leer la cola: UltraMsg messages/statistics answered 502',
      'Lecturas fallidas seguidas: 2', 'La cola de envío no está creciendo',
    ]);
    expect(render([unread], 'en').lines('ultramsg')).toContain(
      'Error reading the queue: UltraMsg messages/statistics answered 502');
  });

  it('shows a failing probe as such: how often, why, and when it last worked', () => {
    const { row } = render();

    expect(row('pm2').get('[data-testid="probe-failure"]').text()).toBe(
      'Falló 3 veces seguidas: the cron host did not finish pm2-list within 15 s',
    );
    expect(row('pm2').text()).toContain('Última revisión buena: hace 2 horas');
    expect(row('pm2').find('[data-testid="probe-summary"]').exists()).toBe(false);
  });

  it('says a probe is late, and ranks it with the problems, when the server says so', () => {
    const late = probe('ec2', { instances: 2, running: 2, checksPassing: 2 }, {
      overdue: true, lastRunAt: minutesAgo(12), nextRunAt: minutesAgo(7),
    });
    const { row, wrapper } = render([...probes, late]);

    expect(row('ec2').get('[data-testid="probe-overdue"]').text())
      .toBe('Atrasada: debía correr hace 7 minutos.');
    expect(wrapper.findAll('[data-testid="probe-row"]').map((r) => r.attributes('data-probe')))
      .toEqual(['pm2', 'cron-disk', 'ec2', 'rds', 'ultramsg', 'gmail']);
    expect(row('rds').find('[data-testid="probe-overdue"]').exists()).toBe(false);
  });

  it('speaks English too', () => {
    const { row, lines } = render(everyProbe, 'en');

    expect(row('rds').text()).toContain('Highest CPU: 8.4 %');
    expect(row('rds').get('time').text()).toBe('Last checked 2 minutes ago');
    expect(lines('gmail-sending')[1]).toMatch(/^Sending again in 3 hours \(Mar 2, 2026, 3:00/);
    expect(lines('ultramsg')[0]).toBe('Instance: linked');
    const overdue = render([probe('gmail', null, { overdue: true, nextRunAt: hoursAhead(-1) })],
      'en');
    expect(overdue.row('gmail').get('[data-testid="probe-overdue"]').text())
      .toBe('Late: it was due 1 hour ago.');
  });

  it('says so when no probe has run yet', () => {
    const wrapper = mount(StatusProbes, {
      props: { probes: [] }, global: { plugins: [createTurnoI18n()] },
    });

    expect(wrapper.get('[data-testid="probes-none"]').text())
      .toBe('Todavía no ha corrido ninguna revisión.');
  });
});
