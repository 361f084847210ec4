import { hourLabel } from '../../composables/useMexicoTime.ts';
import {
  change, count, fact, fields, text, type AuditWords, type Describe, type Fields,
} from './audit-words.ts';

function alertState(w: AuditWords, state: unknown): string | null {
  const key = `audit.value.alertState.${String(state)}`;
  return typeof state === 'string' && w.te(key) ? w.t(key) : text(state);
}

/** Acknowledge or resolve: the alert's state before and after. */
export const alertChange: Describe = (entry, w) => [
  change(w, 'alert', alertState(w, fields(entry.before).state),
    alertState(w, fields(entry.after).state)),
];

export const snoozeChange: Describe = (entry, w) => {
  const after = fields(entry.after);
  const until = text(after.snoozedUntil);
  const minutes = count(after.minutes);
  if (until === null) return [];
  return [fact(w, 'snoozedUntil', minutes === null ? w.dateTime(until)
    : w.t('audit.value.untilFor', { date: w.dateTime(until), minutes }))];
};

export const unsnoozeChange: Describe = (entry, w) => {
  const until = text(fields(entry.before).snoozedUntil);
  return [until === null ? null : fact(w, 'wasSnoozedUntil', w.dateTime(until))];
};

/** The rotation's settings people read, each only when it changed. */
export const rotationChange: Describe = (entry, w) => {
  const before = fields(entry.before);
  const after = fields(entry.after);
  const members = (r: Fields) => (Array.isArray(r.members) && r.members.length > 0
    ? r.members.map(String).join(', ') : w.t('audit.value.nobody'));
  const handoff = (r: Fields) => {
    const day = count(r.handoffWeekday);
    const hour = count(r.handoffHour);
    return day === null || hour === null ? null
      : w.t('audit.value.handoff', { day: w.t(`oncall.weekdays.${day}`), hour: hourLabel(hour) });
  };
  const minutes = (r: Fields) => {
    const n = count(r.repeatMinutes);
    return n === null ? null : w.t('audit.value.minutes', { n });
  };
  const reminders = (r: Fields) => {
    const n = count(r.escalateAfter);
    return n === null ? null : w.t('audit.value.reminders', { n }, n);
  };
  const settings: Array<[string, (r: Fields) => string | null]> = [
    ['members', members], ['handoff', handoff], ['repeat', minutes], ['escalate', reminders],
  ];
  const lines = settings
    .filter(([, read]) => read(before) !== read(after))
    .map(([field, read]) => change(w, field, read(before), read(after)));
  return lines.length > 0 ? lines : [w.t('audit.line.noChange')];
};

function span(w: AuditWords, value: Fields): string | null {
  const from = text(value.startsAt);
  const to = text(value.endsAt);
  return from === null || to === null ? null
    : w.t('oncall.span', { from: w.dateTime(from), to: w.dateTime(to) });
}

/** An on-call swap added or removed: who covers, when, why. */
export const overrideChange: Describe = (entry, w) => {
  const swap = fields(entry.after ?? entry.before);
  return [fact(w, 'covers', text(swap.user)), span(w, swap), fact(w, 'reason', text(swap.reason))];
};

/** What a window holds, by the names the app shows them with. */
function resources(w: AuditWords, window: Fields): string[] {
  return Array.isArray(window.resources)
    ? window.resources.map((name) => w.resourceName(String(name))) : [];
}

/** A maintenance window created: when, what it holds, why. */
export const maintenanceAddChange: Describe = (entry, w) => {
  const window = fields(entry.after);
  const names = resources(w, window);
  return [
    span(w, window),
    names.length ? fact(w, 'resources', names.join(', ')) : null,
    fact(w, 'reason', text(window.reason)),
  ];
};

/** A window ended early (or cancelled): its state and end before and after. */
export const maintenanceEndChange: Describe = (entry, w) => {
  const before = fields(entry.before);
  const after = fields(entry.after);
  const state = (value: unknown) => {
    const key = `maintenance.state.${String(value)}`;
    return typeof value === 'string' && w.te(key) ? w.t(key) : text(value);
  };
  const ends = (value: unknown) => (text(value) === null ? null : w.dateTime(String(value)));
  const names = resources(w, before);
  return [
    change(w, 'window', state(before.state), state(after.state)),
    change(w, 'ends', ends(before.endsAt), ends(after.endsAt)),
    names.length ? fact(w, 'resources', names.join(', ')) : null,
  ];
};
