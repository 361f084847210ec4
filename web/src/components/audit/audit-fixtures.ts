import type { AuditAction, AuditEntry } from '@turno/shared';

type Change = Pick<AuditEntry, 'target' | 'before' | 'after'> & Partial<AuditEntry>;

const schedule = (state: string) => ({
  state, expression: 'rate(5 minutes)', lastModified: '2026-12-04T08:20:00.000Z',
  targetArn: 'arn:aws:lambda:us-east-1:111122223333:function:linde-mix-get-positions',
  startDate: null, endDate: null,
});
const database = {
  status: 'available', allocatedStorageGiB: 100, maxAllocatedStorageGiB: null,
  storageType: 'gp3', iops: 3000, pendingModifiedValues: {}, freeStorageGiB: 7,
  freeStoragePercent: 7,
};
const rotation = {
  members: [] as string[], handoffWeekday: 1, handoffHour: 9, repeatMinutes: 5, escalateAfter: 2,
  anchor: '2026-01-05', updatedBy: null,
};
const swap = {
  id: '3', user: 'pepito', startsAt: '2026-12-05T15:00:00.000Z',
  endsAt: '2026-12-06T15:00:00.000Z', reason: 'Vacaciones de Ana', createdBy: 'admin',
};
const window = {
  id: '5', startsAt: '2026-12-04T08:00:00.000Z', endsAt: '2026-12-04T12:00:00.000Z',
  resources: ['flotas-develop'], reason: 'Cambio de clase', createdBy: 'admin', endedBy: null,
  state: 'active',
};
const alertId = 'alert/1ab91500-c9d4-4e63-8f3a-6a3f2b1c0d9e';

/** One realistic row per kind of action, shaped as the API writes it. */
const changes: Record<AuditAction, Change> = {
  'schedule.pause': {
    target: 'default/linde-mix-get-positions',
    before: schedule('ENABLED'), after: schedule('DISABLED'),
  },
  'schedule.resume': {
    target: 'default/linde-mix-get-positions',
    before: schedule('DISABLED'), after: schedule('ENABLED'),
  },
  'database.grow-storage': {
    target: 'flotas-develop', before: database,
    after: {
      ...database, status: 'modifying', freeStorageGiB: 27, freeStoragePercent: 27,
      requested: { id: 'flotas-develop', allocatedStorageGiB: 120 },
      pendingModifiedValues: { allocatedStorageGiB: 120 },
    },
  },
  'cron-host.pm2-flush': {
    target: 'i-0a1b2c3d4e5f60002/pm2',
    before: { sizeGiB: 8, usedGiB: 7.16, diskUsePercent: 90 },
    after: { status: 'success', sizeGiB: 8, usedGiB: 2.9, diskUsePercent: 37 },
    detail: 'ssm command a06067c7-95d2-4b1f-a4b9-4a6738b17b2e: success',
  },
  'logs.retention': {
    target: '/ecs/flotas-application-develop', before: { days: null }, after: { days: 14 },
  },
  'alert.ack': {
    target: alertId, before: { state: 'open', card: '4.1' },
    after: { state: 'acknowledged', card: '4.1' },
  },
  'alert.resolve': {
    target: alertId, before: { state: 'acknowledged', card: '4.1' },
    after: { state: 'resolved', card: '4.1' },
  },
  'alert.snooze': {
    target: alertId, before: null,
    after: { snoozedUntil: '2026-12-04T09:00:00.000Z', minutes: 30 },
  },
  'alert.unsnooze': {
    target: alertId, before: { snoozedUntil: '2026-12-04T09:00:00.000Z' }, after: null,
  },
  'oncall.rotation': {
    target: 'oncall/rotation', before: rotation,
    after: {
      ...rotation, members: ['operador', 'observador', 'pepito', 'admin'], anchor: '2026-11-30',
      updatedBy: 'admin',
    },
  },
  'oncall.override.add': { target: 'oncall/override/3', before: null, after: swap },
  'oncall.override.remove': { target: 'oncall/override/3', before: swap, after: null },
  'maintenance.add': { target: 'maintenance/5', before: null, after: window },
  'maintenance.end': {
    target: 'maintenance/5', before: window,
    after: { ...window, endsAt: '2026-12-04T09:10:00.000Z', endedBy: 'admin', state: 'ended' },
  },
  'drill.on': {
    target: 'cron-disk-full', before: { on: false, since: null },
    after: { on: true, since: '2026-12-04T08:24:42.764Z' },
    targetTitle: { es: 'Disco del servidor cron lleno', en: 'Cron server disk full' },
  },
  'drill.off': {
    target: 'cron-disk-full', before: { on: true, since: '2026-12-04T08:24:42.764Z' },
    after: { on: false, since: null },
    targetTitle: { es: 'Disco del servidor cron lleno', en: 'Cron server disk full' },
  },
  'whatsapp.qr.view': { target: 'ultramsg', before: null, after: null },
  'whatsapp.reminder.confirm': {
    target: 'designated-phone',
    before: {
      startedAt: '2026-11-20T16:00:00.000Z', lastConfirmedAt: null, lastConfirmedBy: null,
      lastSentAt: null,
    },
    after: {
      startedAt: '2026-11-20T16:00:00.000Z', lastConfirmedAt: '2026-12-04T08:14:00.000Z',
      lastConfirmedBy: 'operador', lastSentAt: null,
    },
  },
};

/** The row the API would return for `action`, done at 2:25 a.m. Mexico City time. */
export function auditSample(action: AuditAction, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: '1', at: '2026-12-04T08:25:00.000Z', actor: 'admin', role: 'admin', action,
    outcome: 'ok', detail: null, ...changes[action], ...overrides,
  };
}
