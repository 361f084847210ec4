import * as z from 'zod';

/**
 * What each probe puts in its summary on Estado (`ProbeStatus.summary`), by probe name. The
 * probes build these values; Estado turns every key, enum value and time into words.
 */

const instant = z.iso.datetime({ offset: true });

/** UltraMsg's instance status, Turno's own words for an unpaid or misconfigured instance. */
export const ultraMsgSummaryStatuses = [
  'authenticated', 'qr', 'standby', 'unpaid', 'wrong-token', 'instance-not-found',
] as const;
/** Substatuses UltraMsg is known to answer; any other is shown as it came. */
export const ultraMsgSummarySubstatuses = ['connected', 'normal'] as const;
/** The token refresh: fine, or the OAuth error that stops Gmail (RFC 6749 §5.2). */
export const gmailTokenStates = [
  'ok', 'invalid_grant', 'invalid_client', 'unauthorized_client',
] as const;
/** Why Gmail should send again at `retryAt`: it said so, the daily quota, or the runbook. */
export const gmailRetryBases = ['retry-after', 'daily-quota', 'runbook'] as const;
export const pm2DaemonStates = ['up', 'down'] as const;

export const probeSummarySchemas = {
  ultramsg: z.object({
    /** Raw from UltraMsg (any status it answers), or one of `ultraMsgSummaryStatuses`. */
    status: z.string().nullable(),
    substatus: z.string().nullable(),
    /** Messages waiting to go out; null when the counter could not be read. */
    queue: z.number().nullable(),
    /** Only when the counter could not be read: why, in the call's words (no token). */
    queueError: z.string().optional(),
    /** Only then too: reads that failed in a row; the second opens card T.10. */
    queueFailures: z.number().optional(),
    queueWarning: z.boolean(),
  }),
  'whatsapp-reminder': z.object({
    /** When the next reminder can go out, within its daytime hours. */
    dueAt: instant.nullable(),
    lastConfirmedAt: instant.nullable(),
    lastSentAt: instant.nullable(),
    /** This run pushed the reminder. */
    sent: z.boolean(),
  }),
  'paused-schedules': z.object({
    /** Schedules paused through Turno and still paused. */
    pausedByTurno: z.number(),
    /** Of those, paused for the reminder's hours or longer. */
    longPaused: z.number(),
    /** When the one paused longest was paused. */
    pausedSince: instant.nullable(),
    lastSentAt: instant.nullable(),
    /** This run pushed the reminder. */
    sent: z.boolean(),
  }),
  gmail: z.object({
    token: z.enum(gmailTokenStates),
    /** Seconds the new access token lasts; only when the refresh worked. */
    expiresIn: z.number().nullable().optional(),
  }),
  'gmail-sending': z.object({
    saturated: z.boolean(),
    retryAt: instant.nullable(),
    basis: z.enum(gmailRetryBases).optional(),
    /** `retryAt` is still ahead. */
    waiting: z.boolean().optional(),
  }),
  rds: z.object({
    databases: z.number(),
    notAvailable: z.number(),
    maxCpuPercent: z.number().nullable(),
    minFreeStoragePercent: z.number().nullable(),
    hoursToFull: z.number().nullable(),
  }),
  ec2: z.object({ instances: z.number(), running: z.number(), checksPassing: z.number() }),
  pm2: z.object({
    processes: z.number(), online: z.number(), daemon: z.enum(pm2DaemonStates),
  }),
  'cron-disk': z.object({ diskUsePercent: z.number(), availableGiB: z.number() }),
  'all-functions': z.object({
    /** Functions of the enabled managed schedules. */
    functions: z.number(),
    /** Those with Sync_error rows inside the window. */
    failing: z.number(),
    windowMinutes: z.number(),
  }),
};

export type ProbeName = keyof typeof probeSummarySchemas;
export type ProbeSummaryOf<P extends ProbeName> = z.infer<(typeof probeSummarySchemas)[P]>;
