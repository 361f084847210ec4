/**
 * Every kind of action Turno writes to its audit log. The API may write only these (its
 * `writeAudit` takes this type) and the PWA has words for each, tested against this list.
 */
export const auditActions = [
  'schedule.pause',
  'schedule.resume',
  'database.grow-storage',
  'cron-host.pm2-flush',
  'logs.retention',
  'alert.ack',
  'alert.resolve',
  'alert.snooze',
  'alert.unsnooze',
  'oncall.rotation',
  'oncall.override.add',
  'oncall.override.remove',
  'maintenance.add',
  'maintenance.end',
  'drill.on',
  'drill.off',
  'whatsapp.qr.view',
  'whatsapp.reminder.confirm',
] as const;
export type AuditAction = (typeof auditActions)[number];

/** True for an action this version knows; older rows and newer servers may hold others. */
export function isAuditAction(action: string): action is AuditAction {
  return (auditActions as readonly string[]).includes(action);
}
