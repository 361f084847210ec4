import { probeSummarySchemas, type ProbeName, type ProbeSummaryOf } from '@turno/shared';
import type { ProbeView } from './probe-summary.ts';

/** Estado's probes in tests: each summary typed and checked against what that probe reports. */

export const now = new Date('2026-03-02T18:00:00Z');
export const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();
export const hoursAhead = (h: number) => new Date(now.getTime() + h * 3_600_000).toISOString();

export function probe<P extends ProbeName>(
  name: P, summary: ProbeSummaryOf<P> | null, fields: Partial<ProbeView> = {},
): ProbeView {
  return {
    probe: name, outcome: 'ok', lastRunAt: minutesAgo(2), nextRunAt: null,
    lastOkAt: minutesAgo(2), lastFailure: null, failures: 0,
    summary: summary && probeSummarySchemas[name].parse(summary),
    ...fields,
  };
}

/** One run of every probe, as each reports it on a working day. */
export const everyProbe: ProbeView[] = [
  probe('ultramsg', {
    status: 'authenticated', substatus: 'connected', queue: 4, queueWarning: false,
  }),
  probe('whatsapp-reminder', {
    dueAt: hoursAhead(72), lastConfirmedAt: minutesAgo(9 * 24 * 60), lastSentAt: null,
    sent: false,
  }),
  probe('gmail', { token: 'ok', expiresIn: 3599 }),
  probe('gmail-sending', {
    saturated: true, retryAt: hoursAhead(3), basis: 'retry-after', waiting: true,
  }, { outcome: 'problem' }),
  probe('rds', {
    databases: 2, notAvailable: 0, maxCpuPercent: 8.4, minFreeStoragePercent: 18,
    hoursToFull: null,
  }),
  probe('ec2', { instances: 2, running: 2, checksPassing: 2 }),
  probe('pm2', { processes: 3, online: 3, daemon: 'up' }),
  probe('cron-disk', { diskUsePercent: 90, availableGiB: 2 }, { outcome: 'problem' }),
  probe('all-functions', { functions: 5, failing: 2, windowMinutes: 10 }),
  probe('paused-schedules', {
    pausedByTurno: 1, longPaused: 1, pausedSince: minutesAgo(5 * 60),
    lastSentAt: minutesAgo(60), sent: false,
  }),
];
