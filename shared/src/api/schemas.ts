import * as z from 'zod';
import { maxRequestBytes } from './limits.ts';
import { appLocales } from './locale.ts';
import { roleSchema } from './role.ts';

/** Request and response shapes of `/api`, shared by the API (validation) and the PWA. */

export const devSessionRequest = z.object({ user: z.string().min(1).max(64) });
export const sessionResponse = z.object({
  token: z.string(),
  role: roleSchema,
  user: z.string(),
  expiresAt: z.string(),
});
export type SessionResponse = z.infer<typeof sessionResponse>;

/** Any text the body limit lets through: the classifier reads it whole. */
export const diagnoseRequest = z.object({
  text: z.string().trim().min(1).max(maxRequestBytes),
});
export const diagnoseResponse = z.object({
  category: z.string(),
  card: z.string().nullable(),
  title: z.string(),
  text: z.string(),
  severity: z.string(),
});
export type DiagnoseResponse = z.infer<typeof diagnoseResponse>;

export const alertStateSchema = z.enum(['open', 'acknowledged', 'resolved']);
export type AlertState = z.infer<typeof alertStateSchema>;

export const alertsQuery = z.object({ state: alertStateSchema.optional() });

const tally = z.object({ name: z.string(), count: z.number().int() });

export const alertSchema = z.object({
  id: z.string(),
  category: z.string(),
  card: z.string().nullable(),
  severity: z.string(),
  state: alertStateSchema,
  /** Sync_error rows plus probe sightings: `count - checks` rows came from Sync_error. */
  count: z.number().int(),
  /** How many of a probe's checks saw the cause; 0 for an alert only Sync_error feeds. */
  checks: z.number().int().optional(),
  functions: z.array(tally),
  sources: z.array(tally),
  firstSeen: z.string(),
  lastSeen: z.string(),
  openedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  /** Redacted texts of a few of the rows that make up the alert. */
  samples: z.array(z.string()),
  /** One live alert per cause, whoever saw it: "whatsapp-unpaid", "rds-cpu-high:<db>". */
  key: z.string(),
  origin: z.enum(['sync-error', 'probe']),
  probe: z.string().nullable(),
  /** What a probe saw (status pair, retry time, provider), redacted. */
  detail: z.record(z.string(), z.unknown()).nullable(),
  /** Functions, instances or services the alert concerns. */
  resources: z.array(z.string()),
  /** Times the cause came back soon after resolving and reopened this alert. */
  reopened: z.number().int(),
  /** When it last reopened; null if it never did. */
  reopenedAt: z.string().nullable(),
  /** Who had resolved it by hand when it reopened; null when it had resolved by itself. */
  reopenedAfterBy: z.string().nullable(),
});
export type Alert = z.infer<typeof alertSchema>;

/** An alert as Estado lists it: without the samples and sources only its own page shows. */
export const alertSummarySchema = alertSchema.omit({ samples: true, sources: true });
export type AlertSummary = z.infer<typeof alertSummarySchema>;

export const scheduleStateSchema = z.enum(['ENABLED', 'DISABLED']);
export const scheduleSchema = z.object({
  group: z.string(),
  name: z.string(),
  state: scheduleStateSchema,
  function: z.string().nullable(),
  targetArn: z.string(),
  managed: z.boolean(),
  description: z.string().nullable(),
  lastModified: z.string().nullable(),
  /** When the schedule stops invoking its target, if it has an end (or its end is unknown). */
  endDate: z.string().nullable(),
  /**
   * True once the EndDate has passed: ENABLED in AWS, yet it will never fire again. Null when
   * Turno cannot tell: it reads the end date only of the schedules it manages.
   */
  firesNever: z.boolean().nullable(),
});
export type Schedule = z.infer<typeof scheduleSchema>;

/** How a schedule came to be paused through Turno's pause action, from the audit. */
export const turnoPauseSchema = z.object({
  /** The first pause through Turno since its last resume through Turno. */
  since: z.string(),
  by: z.string(),
  /** Paused at least `pausedReminderHours`: the person on call is being reminded. */
  overdue: z.boolean(),
});
export type TurnoPause = z.infer<typeof turnoPauseSchema>;

/** A paused schedule on Estado; `turnoPause` null when it was paused outside Turno. */
export const pausedScheduleSchema = scheduleSchema.extend({
  turnoPause: turnoPauseSchema.nullable().optional(),
});
export type PausedSchedule = z.infer<typeof pausedScheduleSchema>;

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  role: roleSchema,
  action: z.string(),
  target: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  outcome: z.enum(['ok', 'failed']),
  detail: z.string().nullable(),
  /** The target's name in both languages where an id says little (a drill, an alert's cause). */
  targetTitle: z.object({ es: z.string(), en: z.string() }).nullable().optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const scheduleActionResponse = z.object({
  schedule: scheduleSchema,
  audit: auditEntrySchema,
  /** True when an earlier request with the same Idempotency-Key already did the work. */
  replayed: z.boolean(),
});

export const syncErrorRowSchema = z.object({
  id: z.string(),
  category: z.string(),      // as UP shows it: "Error en las APIs externas"
  status: z.string(),        // "Creado"
  description: z.string(),   // redacted error text
  function: z.string().nullable(),
  /** UP's client id (SYNC_ERROR_CLIENT_COLUMN), as text. */
  client: z.string().nullable(),
  source: z.string().nullable(),
  createdAt: z.string(),
  diagnosis: z.object({ category: z.string(), card: z.string().nullable() }),
});
export type SyncErrorRow = z.infer<typeof syncErrorRowSchema>;

export const databaseStatusSchema = z.object({
  id: z.string(),
  role: z.enum(['primary', 'replica']),
  status: z.string(),
  cpuPercent: z.number().nullable(),
  connections: z.number().nullable(),
  allocatedStorageGiB: z.number(),
  /** CloudWatch FreeStorageSpace in GiB, and as a share of the allocated storage. */
  freeStorageGiB: z.number().nullable(),
  freeStoragePercent: z.number().nullable(),
  /** Seconds; replicas only. */
  replicaLagSeconds: z.number().nullable(),
});

/** Where Estado flags a database: the RDS probe's own thresholds, as configured. */
export const databaseThresholdsSchema = z.object({
  /** CPU at or above it is drawn hot (RDS_CPU_RED_LINE_PERCENT). */
  cpuRedLinePercent: z.number(),
  /** Free storage under this share of the allocated storage is low (RDS_STORAGE_LOW_PERCENT). */
  storageLowPercent: z.number(),
});
export type DatabaseThresholds = z.infer<typeof databaseThresholdsSchema>;

/** The runbook's thresholds, where no configuration says otherwise. */
export const defaultDatabaseThresholds: DatabaseThresholds = {
  cpuRedLinePercent: 80, storageLowPercent: 10,
};

export const probeStatusSchema = z.object({
  probe: z.string(),
  outcome: z.enum(['ok', 'problem', 'failed']).nullable(),
  lastRunAt: z.string().nullable(),
  nextRunAt: z.string().nullable(),
  lastOkAt: z.string().nullable(),
  /** Redacted reason of the last run that could not finish. */
  lastFailure: z.string().nullable(),
  failures: z.number().int(),
  summary: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
    .nullable(),
  /** No run finished for two of its intervals: nobody is watching what it checks. */
  overdue: z.boolean().optional(),
});
export type ProbeStatus = z.infer<typeof probeStatusSchema>;

/** `GET /api/health`, public: whether Turno reaches its database, and what it runs on. */
export const healthResponse = z.object({
  ok: z.boolean(),
  /** `sandbox`: the in-process copy of the runbook's account, not AWS. */
  cloud: z.enum(['sandbox', 'aws']),
  database: z.enum(['embedded', 'server']),
  version: z.string(),
});
export type HealthResponse = z.infer<typeof healthResponse>;

export const statusResponse = z.object({
  sandbox: z.boolean(),
  probes: z.array(probeStatusSchema),
  openAlerts: z.array(alertSummarySchema),
  databases: z.array(databaseStatusSchema),
  /** Absent from an older server: the PWA then draws the runbook's defaults. */
  databaseThresholds: databaseThresholdsSchema.optional(),
  pausedSchedules: z.array(pausedScheduleSchema),
  /** Hours a schedule paused through Turno stays paused before the on-call is reminded. */
  pausedReminderHours: z.number().optional(),
  /**
   * When the oldest of `databases` and `pausedSchedules` was read from the cloud: on AWS up to
   * a minute and a half ago (the watcher's snapshot). Null when neither could be read.
   */
  cloudReadAt: z.string().nullable().optional(),
  watcher: z.object({
    lastRunAt: z.string().nullable(),
    lastError: z.string().nullable(),
    intervalSeconds: z.number(),
    /** The last run is older than three intervals: the watcher is stopped or stuck. */
    late: z.boolean().optional(),
  }),
});
export type StatusResponse = z.infer<typeof statusResponse>;

export const pushSubscriptionRequest = z.object({
  endpoint: z.url().max(2048),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({ p256dh: z.string().min(1).max(200), auth: z.string().min(1).max(100) }),
  /** The app's language on this device; checked against `appLocales` (`locale_unsupported`). */
  locale: z.unknown().optional(),
});
export const pushUnsubscribeRequest = z.object({ endpoint: z.url().max(2048) });

/** What a push carries: ids and a title, never error text or data (4 KB limit, privacy). */
export const pushPayloadSchema = z.object({
  v: z.literal(1),
  alertId: z.string(),
  card: z.string().nullable(),
  title: z.string().max(120),
  url: z.string(),
  /**
   * A first alert, a reminder, an escalation, an alert that reopened after it was resolved
   * while its errors went on, a test from Ajustes, the periodic ask to
   * open WhatsApp on the designated phone, or schedules left paused (absent: an alert).
   */
  kind: z.enum([
    'alert', 'renotify', 'escalate', 'reopened', 'test', 'phone-reminder', 'paused-reminder',
  ]).optional(),
  /** A paused-reminder's schedules: names and since when (ISO), never more. */
  paused: z.array(z.object({ name: z.string().max(64), since: z.string().max(40) })).max(10)
    .optional(),
  /** An API path the notification's "Listo" action POSTs with the stored session. */
  confirmUrl: z.string().startsWith('/api/').max(200).optional(),
  /** The device's app language, which the title is in: the worker words the rest in it. */
  lang: z.enum(appLocales).optional(),
});
export type PushPayload = z.infer<typeof pushPayloadSchema>;
