import type { Alert } from '@turno/shared';

/** One sentence about what a probe saw: an `infraAlert.*` message and its values. */
export interface InfraLine {
  key: string;
  params: Record<string, string | number>;
}

type Detail = Record<string, unknown>;

const text = (detail: Detail, field: string) => {
  const value = detail[field];
  return typeof value === 'string' || typeof value === 'number' ? value : '—';
};

/**
 * The sentences an RDS, EC2, pm2 or cron-disk alert shows from its probe's detail; none for
 * other alerts. `when` writes a time as the page does (relative, Mexico City).
 */
export function infraLines(
  alert: Pick<Alert, 'category' | 'detail'>, when: (iso: string | null) => string,
): InfraLine[] {
  const d: Detail = alert.detail ?? {};
  const v = (field: string) => text(d, field);
  switch (alert.category) {
    case 'rds-cpu-high': {
      const since = typeof d.aboveSince === 'string' ? d.aboveSince : null;
      const cpu = { database: v('database'), cpu: v('cpuPercent'), line: v('redLinePercent') };
      const busiest = { function: v('function'), errors: v('functionErrors') };
      return [
        { key: 'infraAlert.cpu', params: { ...cpu, since: when(since) } },
        typeof d.function === 'string'
          ? { key: 'infraAlert.busiest', params: busiest }
          : { key: 'infraAlert.noBusiest', params: {} },
      ];
    }
    case 'rds-storage-low':
    case 'rds-storage-full': {
      const lines: InfraLine[] = [{
        key: 'infraAlert.storage',
        params: {
          database: v('database'), free: v('freeGiB'), allocated: v('allocatedGiB'),
          percent: v('freePercent'),
        },
      }];
      if (alert.category === 'rds-storage-full') {
        lines.push({ key: 'infraAlert.full', params: { database: v('database') } });
      } else if (typeof d.hoursToFull === 'number') {
        lines.push({ key: 'infraAlert.filling', params: { hours: Math.round(d.hoursToFull) } });
      }
      return lines;
    }
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
    case 'probe-failed':
      return [{ key: 'infraAlert.probeFailed', params: { probe: v('probe'), error: v('error') } }];
    default:
      return [];
  }
}
