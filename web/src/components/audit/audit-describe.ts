import { isAuditAction, type AuditAction, type AuditEntry } from '@turno/shared';
import {
  flushChange, retentionChange, scheduleChange, storageChange,
} from './audit-changes-cloud.ts';
import { drillChange, qrViewed, reminderConfirmChange } from './audit-changes-other.ts';
import {
  alertChange, maintenanceAddChange, maintenanceEndChange, overrideChange, rotationChange,
  snoozeChange, unsnoozeChange,
} from './audit-changes-team.ts';
import { targetNames } from './audit-target.ts';
import type { AuditView, AuditWords, Describe } from './audit-words.ts';

/** What changed, for each kind of action: a record, so a new kind cannot go without words. */
export const changes: Record<AuditAction, Describe> = {
  'schedule.pause': scheduleChange,
  'schedule.resume': scheduleChange,
  'database.grow-storage': storageChange,
  'cron-host.pm2-flush': flushChange,
  'logs.retention': retentionChange,
  'alert.ack': alertChange,
  'alert.resolve': alertChange,
  'alert.snooze': snoozeChange,
  'alert.unsnooze': unsnoozeChange,
  'oncall.rotation': rotationChange,
  'oncall.override.add': overrideChange,
  'oncall.override.remove': overrideChange,
  'maintenance.add': maintenanceAddChange,
  'maintenance.end': maintenanceEndChange,
  'drill.on': drillChange,
  'drill.off': drillChange,
  'whatsapp.qr.view': qrViewed,
  'whatsapp.reminder.confirm': reminderConfirmChange,
};

/** The i18n key of an action's name: `audit.actions.schedule_pause` for "schedule.pause". */
export function actionKey(action: string): string {
  return `audit.actions.${action.replace(/[^a-z0-9]+/gi, '_')}`;
}

/**
 * One audit row in words. A kind this version does not know (an older row, a newer server)
 * keeps its action and target as written; its before and after stay in Detalles.
 */
export function describeAudit(entry: AuditEntry, w: AuditWords): AuditView {
  const key = actionKey(entry.action);
  const title = w.te(key) ? w.t(key) : entry.action;
  if (!isAuditAction(entry.action)) {
    return { title, target: entry.target, alertId: null, lines: [] };
  }
  const lines = changes[entry.action](entry, w).filter((line): line is string => line !== null);
  const alertId = entry.action.startsWith('alert.') ? entry.target.replace(/^alert\//, '') : null;
  return { title, target: targetNames[entry.action](entry, w), alertId, lines };
}
