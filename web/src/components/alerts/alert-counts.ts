import type { Alert } from '@turno/shared';

/** What feeds an alert: its Sync_error rows and the probe checks that saw its cause. */
export interface AlertCounts {
  errors: number;
  checks: number;
}

export function alertCounts(alert: Pick<Alert, 'count' | 'checks'>): AlertCounts {
  const checks = Math.min(alert.checks ?? 0, alert.count);
  return { errors: alert.count - checks, checks };
}
