import * as z from 'zod';
import { pushFailureKinds } from './push-failure.ts';

/**
 * Who gets told, when, and when not: the on-call rotation and its overrides, snoozes,
 * maintenance windows, quiet hours and each device's push health. Times are ISO instants;
 * weekdays and hours are Mexico City time.
 */

export const oncallTimeZone = 'America/Mexico_City';

/** A user name as the session carries it (dev user, Cognito username). */
export const userNameSchema = z.string().trim().regex(/^[\w.@+-]{1,64}$/);

const instant = z.iso.datetime({ offset: true });

export const rotationRequest = z.object({
  /** In order, operators or admins; the first is on call from the current week's handoff. */
  members: z.array(userNameSchema).min(1).max(20)
    .refine((list) => new Set(list).size === list.length, { message: 'members repeat' }),
  /** ISO weekday of the handoff, Monday = 1. */
  handoffWeekday: z.number().int().min(1).max(7),
  handoffHour: z.number().int().min(0).max(23),
  /** Re-notify an unacknowledged alert every this many minutes. */
  repeatMinutes: z.number().int().min(1).max(120),
  /** Re-notifications to one person before escalating to the next. */
  escalateAfter: z.number().int().min(0).max(20),
});
export type RotationRequest = z.infer<typeof rotationRequest>;

export const rotationSchema = rotationRequest.extend({
  members: z.array(z.string()),
  /** A Mexico City date (yyyy-mm-dd) whose handoff starts the first member's week. */
  anchor: z.string(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type Rotation = z.infer<typeof rotationSchema>;

export const overrideRequest = z.object({
  user: userNameSchema,
  startsAt: instant,
  endsAt: instant,
  reason: z.string().trim().max(200).optional(),
}).refine((o) => Date.parse(o.endsAt) > Date.parse(o.startsAt), {
  message: 'endsAt must be after startsAt', path: ['endsAt'],
});

export const overrideSchema = z.object({
  id: z.string(),
  user: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  reason: z.string().nullable(),
  createdBy: z.string(),
});
export type OncallOverride = z.infer<typeof overrideSchema>;

export const oncallWeekSchema = z.object({
  startsAt: z.string(),
  endsAt: z.string(),
  user: z.string(),
});
export type OncallWeek = z.infer<typeof oncallWeekSchema>;

export const oncallResponse = z.object({
  timeZone: z.literal(oncallTimeZone),
  now: z.object({
    /** Null when no rotation is set: every subscribed device is told. */
    user: z.string().nullable(),
    source: z.enum(['override', 'rotation']).nullable(),
    until: z.string().nullable(),
  }),
  /** Who an unacknowledged alert goes to, in order. */
  escalation: z.array(z.string()),
  rotation: rotationSchema,
  weeks: z.array(oncallWeekSchema),
  overrides: z.array(overrideSchema),
  /**
   * Names to offer: operators and admins Turno knows (seen signed in, or dev users). Only
   * they may be on call: a viewer cannot acknowledge, so escalation would go on regardless.
   */
  knownUsers: z.array(z.string()),
  /** People of the rotation or an override who are unknown or may not acknowledge now. */
  cannotAcknowledge: z.array(z.string()),
});
export type OncallResponse = z.infer<typeof oncallResponse>;

export const maintenanceResourceKindSchema = z.enum([
  'instance', 'database', 'function', 'schedule', 'data-source', 'service', 'probe',
]);
export type MaintenanceResourceKind = z.infer<typeof maintenanceResourceKindSchema>;

/** A resource a window may name: the name people know it by, and its other names. */
export const maintenanceResourceSchema = z.object({
  /** The EC2 Name tag, the RDS id, "group/name" of a schedule, a function or data source. */
  name: z.string(),
  kind: maintenanceResourceKindSchema,
  /** Also accepted for it: the instance id, a schedule's bare name, a data source's number. */
  aliases: z.array(z.string()),
});
export type MaintenanceResource = z.infer<typeof maintenanceResourceSchema>;

/** `GET /api/maintenance/resources`. */
export const maintenanceResourcesResponse = z.object({
  resources: z.array(maintenanceResourceSchema),
  /** False when part of the cloud did not answer: some resources may be missing. */
  complete: z.boolean(),
});
export type MaintenanceResources = z.infer<typeof maintenanceResourcesResponse>;

export const maintenanceRequest = z.object({
  startsAt: instant,
  endsAt: instant,
  /** Names or aliases from `GET /api/maintenance/resources`; any other is refused. */
  resources: z.array(z.string().trim().min(1).max(200)).min(1).max(50),
  reason: z.string().trim().min(1).max(300),
}).refine((w) => Date.parse(w.endsAt) > Date.parse(w.startsAt), {
  message: 'endsAt must be after startsAt', path: ['endsAt'],
});

export const maintenanceWindowSchema = z.object({
  id: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  resources: z.array(z.string()),
  reason: z.string(),
  createdBy: z.string(),
  endedBy: z.string().nullable(),
  state: z.enum(['scheduled', 'active', 'ended']),
});
export type MaintenanceWindow = z.infer<typeof maintenanceWindowSchema>;

export const snoozeRequest = z.object({
  /** From now; a snooze lasts at most a day. */
  minutes: z.number().int().min(5).max(24 * 60),
});

/** A first push, a reminder, an escalation, or the push of an alert that reopened. */
export const notificationKindSchema = z.enum(['alert', 'renotify', 'escalate', 'reopened']);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

export const notificationSchema = z.object({
  /** "*" when no rotation was set and every device was told. */
  user: z.string(),
  step: z.number().int(),
  kind: notificationKindSchema,
  outcome: z.enum(['sending', 'sent', 'quiet', 'no-device', 'failed']),
  delivered: z.number().int(),
  at: z.string(),
});
export type NotificationRecord = z.infer<typeof notificationSchema>;

/** `GET /api/alerts/:id/notify`: who was told, what comes next, snooze and hold. */
export const alertNotifySchema = z.object({
  alertId: z.string(),
  snoozedUntil: z.string().nullable(),
  snoozedBy: z.string().nullable(),
  /** A maintenance window holds it: nothing is pushed until the window ends. */
  heldUntil: z.string().nullable(),
  nextStepAt: z.string().nullable(),
  notifications: z.array(notificationSchema),
});
export type AlertNotify = z.infer<typeof alertNotifySchema>;

export const quietHoursSchema = z.object({
  startHour: z.number().int().min(0).max(23),
  endHour: z.number().int().min(0).max(23),
}).refine((q) => q.startHour !== q.endHour, {
  message: 'start and end must differ', path: ['endHour'],
});
export type QuietHours = z.infer<typeof quietHoursSchema>;

export const quietHoursResponse = z.object({
  quietHours: quietHoursSchema.nullable(),
  timeZone: z.literal(oncallTimeZone),
});

export const pushDeviceSchema = z.object({
  id: z.string(),
  /** The push service's host (fcm.googleapis.com …), never the endpoint's secret path. */
  service: z.string(),
  createdAt: z.string(),
  lastDeliveredAt: z.string().nullable(),
  lastFailureAt: z.string().nullable(),
  /** Redacted. */
  lastFailure: z.string().nullable(),
  /** What the last failure means, for the PWA to say in words. */
  lastFailureKind: z.enum(pushFailureKinds).nullable(),
});
export type PushDevice = z.infer<typeof pushDeviceSchema>;

/** `PUT /api/push/subscription`: this device's current subscription, and the one it replaces. */
export const pushResyncRequest = z.object({
  subscription: z.object({
    endpoint: z.url().max(2048),
    expirationTime: z.number().nullable().optional(),
    keys: z.object({ p256dh: z.string().min(1).max(200), auth: z.string().min(1).max(100) }),
  }),
  previousEndpoint: z.url().max(2048).optional(),
  /** The app's language on this device; checked against `appLocales` (`locale_unsupported`). */
  locale: z.unknown().optional(),
});

/** How the test push went on one of the caller's devices. */
export const pushTestDeviceSchema = z.object({
  id: z.string(),
  service: z.string(),
  /** `removed`: the push service says the subscription is gone, so Turno deleted it. */
  result: z.enum(['delivered', 'removed', 'failed', 'backed-off']),
  failure: z.enum(pushFailureKinds).nullable(),
  /** Until when the push service asked Turno to wait (`backed-off`). */
  until: z.string().nullable(),
});
export type PushTestDevice = z.infer<typeof pushTestDeviceSchema>;

export const pushTestResponse = z.object({
  devices: z.number().int(),
  delivered: z.number().int(),
  failed: z.number().int(),
  removed: z.number().int(),
  /** One per device tried. */
  results: z.array(pushTestDeviceSchema),
});
export type PushTestResult = z.infer<typeof pushTestResponse>;
