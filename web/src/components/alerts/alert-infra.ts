import type { Alert } from '@turno/shared';

/** A number the page words with a plural message: `infraAlert.errorCount` and 3 → "3 errores". */
export interface InfraCount {
  key: string;
  n: number;
}

/** One sentence about what a probe saw: an `infraAlert.*` message and its values. */
export interface InfraLine {
  key: string;
  params: Record<string, string | number>;
  /** Params the page fills with a counted phrase, so "1 error" and "2 errores" both read right. */
  counts?: Record<string, InfraCount>;
}

type Detail = Record<string, unknown>;

const text = (detail: Detail, field: string) => {
  const value = detail[field];
  return typeof value === 'string' || typeof value === 'number' ? value : '—';
};

/** The database that is down, as the RDS probe saw it (card T.1). */
function databaseDownLines(detail: Detail): InfraLine[] {
  const lines: InfraLine[] = [{
    key: 'infraAlert.rdsDown',
    params: {
      database: text(detail, 'database'), role: text(detail, 'role'),
      status: text(detail, 'status'),
    },
  }];
  if (detail.role === 'primary') lines.push({ key: 'infraAlert.rdsDownPrimary', params: {} });
  return lines;
}

/** Every function failing at once (card T.12): how many, which, and the cause they share. */
function allFunctionsLines(detail: Detail, functions: readonly string[]): InfraLine[] {
  const errors = typeof detail.errors === 'number' ? detail.errors : 0;
  const lines: InfraLine[] = [{
    key: 'infraAlert.allFunctions',
    params: { functions: text(detail, 'functions'), window: text(detail, 'windowMinutes') },
    counts: { errors: { key: 'infraAlert.errorCount', n: errors } },
  }];
  if (functions.length > 0) {
    lines.push({ key: 'infraAlert.allFunctionsNames', params: { names: functions.join(', ') } });
  }
  const cause = detail.commonCategory;
  if (typeof cause !== 'string') {
    lines.push({ key: 'infraAlert.noCommonCause', params: {} });
  } else if (typeof detail.commonCard === 'string') {
    lines.push({ key: 'infraAlert.commonCause', params: { cause, card: detail.commonCard } });
  } else {
    lines.push({ key: 'infraAlert.commonCauseNoCard', params: { cause } });
  }
  return lines;
}

/** How full the database is, how soon it fills at the recent pace, and why the check warned. */
function storageLines(category: string, detail: Detail): InfraLine[] {
  const v = (field: string) => text(detail, field);
  const lines: InfraLine[] = [{
    key: 'infraAlert.storage',
    params: {
      database: v('database'), free: v('freeGiB'), allocated: v('allocatedGiB'),
      percent: v('freePercent'),
    },
  }];
  if (category === 'rds-storage-full') {
    lines.push({ key: 'infraAlert.full', params: { database: v('database') } });
    return lines;
  }
  const hours = detail.hoursToFull;
  if (typeof hours === 'number' && hours > 60 * 24) {
    lines.push({ key: 'infraAlert.fillingSlowly', params: {} });
  } else if (typeof hours === 'number') {
    lines.push({ key: 'infraAlert.filling', params: { hours } });
  }
  const { freePercent, lowPercent } = detail;
  if (typeof freePercent === 'number' && typeof lowPercent === 'number'
    && freePercent < lowPercent) {
    lines.push({ key: 'infraAlert.belowLow', params: { low: lowPercent } });
  }
  return lines;
}

/**
 * The sentences an RDS, EC2, pm2, cron-disk or all-functions alert shows from its probe's
 * detail; none for other alerts. `when` writes a time as the page does (relative, Mexico City).
 * A `cause` param is a category id and a `status` one RDS's word: the page puts both in words.
 */
export function infraLines(
  alert: Pick<Alert, 'category' | 'detail' | 'resources'>,
  when: (iso: string | null) => string,
): InfraLine[] {
  const d: Detail = alert.detail ?? {};
  const v = (field: string) => text(d, field);
  switch (alert.category) {
    case 'rds-cpu-high': {
      const since = typeof d.aboveSince === 'string' ? d.aboveSince : null;
      const cpu = { database: v('database'), cpu: v('cpuPercent'), line: v('redLinePercent') };
      const errors = typeof d.functionErrors === 'number' ? d.functionErrors : 0;
      return [
        { key: 'infraAlert.cpu', params: { ...cpu, since: when(since) } },
        typeof d.function === 'string'
          ? {
            key: 'infraAlert.busiest', params: { function: d.function },
            counts: { errors: { key: 'infraAlert.errorCount', n: errors } },
          }
          : { key: 'infraAlert.noBusiest', params: {} },
      ];
    }
    case 'rds-storage-low':
    case 'rds-storage-full':
      return storageLines(alert.category, d);
    case 'ec2-status-failed':
      return [{
        key: 'infraAlert.ec2',
        params: { instance: v('instance'), state: v('state'), checks: v('statusChecks') },
      }];
    case 'pm2-process-down':
      return d.status === 'daemon-down' ? [{ key: 'infraAlert.daemon', params: {} }] : [{
        key: 'infraAlert.pm2', params: { process: v('process'), id: v('id'), status: v('status') },
      }];
    case 'cron-disk-full':
      return [{
        key: 'infraAlert.disk',
        params: { use: v('usePercent'), limit: v('limitPercent'), free: v('availableGiB') },
      }];
    case 'rds-unavailable':
      return databaseDownLines(d);
    // Sync_error's refused connections and the RDS probe share one alert: its detail is RDS's.
    case 'database-unreachable':
      return typeof d.status === 'string' ? databaseDownLines(d) : [];
    case 'all-functions-failing':
      return allFunctionsLines(d, alert.resources);
    case 'probe-failed':
      return [{ key: 'infraAlert.probeFailed', params: { probe: v('probe'), error: v('error') } }];
    default:
      return [];
  }
}
