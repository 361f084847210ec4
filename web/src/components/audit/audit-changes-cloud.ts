import {
  change, count, fact, fields, text, type AuditWords, type Describe,
} from './audit-words.ts';

const gib = (w: AuditWords, n: number | null) =>
  (n === null ? null : w.t('audit.value.gib', { n }));

function scheduleState(w: AuditWords, state: unknown): string | null {
  if (state === 'ENABLED') return w.t('schedules.enabled');
  if (state === 'DISABLED') return w.t('schedules.disabled');
  return text(state);
}

/** Pause or resume: the schedule's state before and after. */
export const scheduleChange: Describe = (entry, w) => [
  change(w, 'state', scheduleState(w, fields(entry.before).state),
    scheduleState(w, fields(entry.after).state)),
];

/** Grow storage: allocated GiB asked for, IOPS when they move, how full it was, RDS's status. */
export const storageChange: Describe = (entry, w) => {
  const before = fields(entry.before);
  const after = fields(entry.after);
  const requested = fields(after.requested);
  const toGiB = count(requested.allocatedStorageGiB) ?? count(after.allocatedStorageGiB);
  const fromIops = count(before.iops);
  const toIops = count(requested.iops);
  const free = count(before.freeStorageGiB);
  const freePercent = count(before.freeStoragePercent);
  const status = (value: unknown) => (text(value) === null ? null : w.rdsStatus(String(value)));
  return [
    change(w, 'storage', gib(w, count(before.allocatedStorageGiB)), gib(w, toGiB)),
    toIops !== null && toIops !== fromIops
      ? change(w, 'iops', fromIops === null ? null : String(fromIops), String(toIops)) : null,
    free === null ? null : fact(w, 'freeBefore', freePercent === null ? gib(w, free)
      : w.t('audit.value.gibPercent', { gib: free, percent: freePercent })),
    change(w, 'dbStatus', status(before.status), status(after.status)),
  ];
};

/** pm2 flush: the cron server's disk use just before and just after. */
export const flushChange: Describe = (entry, w) => {
  const percent = (value: unknown) => {
    const n = count(fields(value).diskUsePercent);
    return n === null ? null : w.t('audit.value.percent', { n });
  };
  return [change(w, 'disk', percent(entry.before), percent(entry.after))];
};

/** Log retention: how many days CloudWatch keeps, or none. */
export const retentionChange: Describe = (entry, w) => {
  const days = (value: unknown) => {
    if (!('days' in fields(value))) return null;
    const n = count(fields(value).days);
    return n === null ? w.t('audit.value.retentionNever') : w.t('logs.days', { n }, n);
  };
  return [change(w, 'retention', days(entry.before), days(entry.after))];
};
