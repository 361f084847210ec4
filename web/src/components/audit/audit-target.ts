import type { AuditAction, AuditEntry } from '@turno/shared';
import { fields, text, type AuditWords } from './audit-words.ts';

type Name = (entry: AuditEntry, w: AuditWords) => string;

const afterSlash = (target: string) => target.slice(target.indexOf('/') + 1);

const schedule: Name = ({ target }, w) => {
  const slash = target.indexOf('/');
  const group = target.slice(0, slash);
  const name = target.slice(slash + 1);
  return group === 'default' || slash < 0
    ? w.t('audit.target.schedule', { name })
    : w.t('audit.target.scheduleInGroup', { name, group });
};

/**
 * The alert by its cause (the API's title) and card where the row kept it, by its card's title
 * from an older server, else by a short id.
 */
const alert: Name = (entry, w) => {
  const card = text(fields(entry.after).card) ?? text(fields(entry.before).card);
  const title = entry.targetTitle ? w.text(entry.targetTitle)
    : card === null ? null : w.cardTitle(card);
  if (title === null) {
    return w.t('audit.target.alert', { id: afterSlash(entry.target).slice(0, 8) });
  }
  return card === null ? w.t('audit.target.alertCause', { title })
    : w.t('audit.target.alertCard', { card, title });
};

const drill: Name = (entry, w) => w.t('audit.target.drill', {
  title: entry.targetTitle ? w.text(entry.targetTitle) : entry.target,
});

const fixed = (key: string): Name => (_entry, w) => w.t(`audit.target.${key}`);

/** How each kind of action names what it touched, for someone who does not read ids. */
export const targetNames: Record<AuditAction, Name> = {
  'schedule.pause': schedule,
  'schedule.resume': schedule,
  'database.grow-storage': ({ target }, w) => w.t('audit.target.database', { id: target }),
  'cron-host.pm2-flush': ({ target }, w) =>
    w.t('audit.target.cronHost', { instance: target.split('/')[0] ?? target }),
  'logs.retention': ({ target }, w) => w.t('audit.target.logGroup', { group: target }),
  'alert.ack': alert,
  'alert.resolve': alert,
  'alert.snooze': alert,
  'alert.unsnooze': alert,
  'oncall.rotation': fixed('rotation'),
  'oncall.override.add': fixed('override'),
  'oncall.override.remove': fixed('override'),
  'maintenance.add': fixed('maintenance'),
  'maintenance.end': fixed('maintenance'),
  'drill.on': drill,
  'drill.off': drill,
  'whatsapp.qr.view': fixed('ultramsg'),
  'whatsapp.reminder.confirm': fixed('phone'),
};
