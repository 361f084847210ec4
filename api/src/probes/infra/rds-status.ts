/**
 * DBInstanceStatus values in which the instance serves no connections. Modifying,
 * backing-up, storage-optimization, maintenance, upgrading and the configuring-* ones keep
 * it serving, or are work someone asked for; storage-full has its own alert.
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/accessing-monitoring.html
 */
const downStatuses = new Set([
  'stopped', 'stopping', 'starting', 'rebooting', 'failed', 'deleting',
  'inaccessible-encryption-credentials', 'inaccessible-encryption-credentials-recoverable',
  'incompatible-network', 'incompatible-parameters', 'incompatible-restore', 'restore-error',
  'insufficient-capacity',
]);

/** True when RDS says the instance cannot take connections now. */
export function databaseDown(status: string): boolean {
  return downStatuses.has(status);
}
