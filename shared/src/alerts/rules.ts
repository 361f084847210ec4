import type { CategoryId } from '../diagnosis/types.ts';

/**
 * When a cause becomes an alert: `threshold` errors inside any `windowSeconds` span open it;
 * `quietSeconds` without a new error resolve it by itself.
 */
export interface AlertRule {
  threshold: number;
  windowSeconds: number;
  quietSeconds: number;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;

// Causes that stop the whole platform page early; a lone provider hiccup does not page.
const critical: AlertRule = {
  threshold: 3, windowSeconds: 10 * MINUTE, quietSeconds: 15 * MINUTE,
};
const database: AlertRule = {
  threshold: 3, windowSeconds: 10 * MINUTE, quietSeconds: 30 * MINUTE,
};
const noisy: AlertRule = { threshold: 5, windowSeconds: 15 * MINUTE, quietSeconds: 30 * MINUTE };
const credentials: AlertRule = { threshold: 3, windowSeconds: 30 * MINUTE, quietSeconds: HOUR };
// WhatsApp and Gmail fail only when something is sent, so one error is enough and gaps are long.
const messaging: AlertRule = { threshold: 1, windowSeconds: HOUR, quietSeconds: 6 * HOUR };
// A probe clears its alert when it sees health again; the quiet period is only a backstop.
const probe: AlertRule = { threshold: 1, windowSeconds: HOUR, quietSeconds: 24 * HOUR };

/** The rule for each cause; the API may override any of them from its configuration. */
export const defaultAlertRules: Record<CategoryId, AlertRule> = {
  'provider-timeout': noisy,
  'provider-rate-limited': noisy,
  'provider-server-error': noisy,
  'provider-unreachable': noisy,
  'provider-unauthorized': credentials,
  'provider-forbidden': credentials,
  'database-disk-full': critical,
  'database-unreachable': critical,
  'database-too-many-connections': database,
  'database-pool-exhausted': database,
  'database-auth-failed': database,
  'database-deadlock': noisy,
  'database-statement-timeout': noisy,
  'whatsapp-logged-out': messaging,
  'whatsapp-unpaid': messaging,
  'whatsapp-config': messaging,
  'gmail-token': messaging,
  'gmail-saturated': messaging,
  // Probes raise these themselves after their own checks: one finding is the alert.
  'whatsapp-unhealthy': probe,
  'whatsapp-queue-growing': probe,
  'rds-cpu-high': probe,
  'rds-storage-low': probe,
  'rds-storage-full': probe,
  'ec2-status-failed': probe,
  'pm2-process-down': probe,
  'cron-disk-full': probe,
  'rds-unavailable': probe,
  'all-functions-failing': probe,
  'probe-failed': probe,
  'probe-overdue': probe,
  unclassified: { threshold: 10, windowSeconds: 15 * MINUTE, quietSeconds: 30 * MINUTE },
};

/**
 * True when `threshold` of the times fall inside one `windowSeconds` span (ends included).
 * Order does not matter; invalid dates are ignored.
 */
export function crossesThreshold(times: Date[], rule: AlertRule): boolean {
  const needed = Math.max(1, Math.ceil(rule.threshold));
  const stamps = times.map((time) => time.getTime()).filter(Number.isFinite).sort((a, b) => a - b);
  const span = rule.windowSeconds * 1000;
  let first = 0;
  for (let last = 0; last < stamps.length; last += 1) {
    while ((stamps[last] ?? 0) - (stamps[first] ?? 0) > span) first += 1;
    if (last - first + 1 >= needed) return true;
  }
  return false;
}

/** True when no error has come for `quietSeconds`: the alert may resolve by itself. */
export function isQuiet(lastSeen: Date, now: Date, rule: AlertRule): boolean {
  return now.getTime() - lastSeen.getTime() >= rule.quietSeconds * 1000;
}
