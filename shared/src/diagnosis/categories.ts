import type { CardId, CategoryId, Severity } from './types.ts';

/** The card that usually fixes a cause, and how urgent the cause is. */
export interface CategoryDefaults {
  card: CardId | null;
  severity: Severity;
}

/**
 * Every cause with its usual card and severity. `diagnose` may pick another card from context
 * (invalid_grant in a MiX or Guardian function is 2.2, not 5.2), and none for a `provider-*`
 * cause of UltraMsg or Google, whose hosts it reads from the request URL.
 */
export const categoryDefaults: Record<CategoryId, CategoryDefaults> = {
  'provider-timeout': { card: '5.1', severity: 'warning' },
  'provider-rate-limited': { card: '5.1', severity: 'warning' },
  'provider-server-error': { card: '5.1', severity: 'warning' },
  'provider-unauthorized': { card: '5.2', severity: 'high' },
  'provider-forbidden': { card: '2.1', severity: 'high' },
  'provider-unreachable': { card: '5.1', severity: 'warning' },
  // No disk means no new data anywhere: every function fails until storage grows.
  'database-disk-full': { card: '4.1', severity: 'critical' },
  'database-unreachable': { card: 'T.1', severity: 'critical' },
  'database-deadlock': { card: 'T.2', severity: 'warning' },
  'database-too-many-connections': { card: 'T.3', severity: 'high' },
  'database-pool-exhausted': { card: 'T.4', severity: 'high' },
  'database-statement-timeout': { card: 'T.5', severity: 'warning' },
  'database-auth-failed': { card: '5.2', severity: 'high' },
  'whatsapp-logged-out': { card: '1.1', severity: 'high' },
  'whatsapp-unpaid': { card: '1.2', severity: 'high' },
  'whatsapp-config': { card: 'T.6', severity: 'high' },
  'gmail-token': { card: '3.2', severity: 'high' },
  'gmail-saturated': { card: '3.1', severity: 'warning' },
  'whatsapp-unhealthy': { card: '1.1', severity: 'high' },
  'whatsapp-queue-growing': { card: 'T.11', severity: 'warning' },
  // The runbook checks CPU first, then pauses the function that fails most (5.1.3–5.1.6).
  'rds-cpu-high': { card: '5.1', severity: 'high' },
  'rds-storage-low': { card: '4.1', severity: 'high' },
  'rds-storage-full': { card: '4.1', severity: 'critical' },
  'ec2-status-failed': { card: 'T.8', severity: 'high' },
  'pm2-process-down': { card: 'T.9', severity: 'high' },
  'cron-disk-full': { card: 'T.7', severity: 'high' },
  // Nothing reaches the platform's tables while RDS is down: critical, past quiet hours.
  'rds-unavailable': { card: 'T.1', severity: 'critical' },
  'all-functions-failing': { card: 'T.12', severity: 'critical' },
  'probe-failed': { card: 'T.10', severity: 'warning' },
  'probe-overdue': { card: 'T.10', severity: 'warning' },
  unclassified: { card: null, severity: 'warning' },
};

/** Every category id, in the order above (for menus, rule tables and exhaustive tests). */
export const categoryIds = Object.keys(categoryDefaults) as CategoryId[];
