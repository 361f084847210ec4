import * as z from 'zod';
import { auditEntrySchema } from './schemas.ts';

/** What Turno may run on the pm2 cron host (flotas-cron-arc): a fixed script per kind. */
export const cronCommandKinds = ['pm2-list', 'pm2-logs', 'disk', 'pm2-flush'] as const;
export const cronCommandKindSchema = z.enum(cronCommandKinds);
export type CronCommandKind = z.infer<typeof cronCommandKindSchema>;

/** Kinds that change the host: operator and above, idempotent and audited. */
export const cronWriteKinds: readonly CronCommandKind[] = ['pm2-flush'];

export const cronCommandStatuses = [
  'pending', 'running', 'success', 'failed', 'timed-out', 'cancelled',
] as const;
export const cronCommandStatusSchema = z.enum(cronCommandStatuses);
export type CronCommandStatus = z.infer<typeof cronCommandStatusSchema>;

/** A final status: the PWA polls until the command reaches one. */
export function isCronCommandDone(status: CronCommandStatus): boolean {
  return status !== 'pending' && status !== 'running';
}

export const maxPm2LogLines = 500;
// Every way `process` can be wrong says the same: zod's own union message is "Invalid input".
const notPm2Id = { error: 'must be a pm2 process id (digits), not the process name' };
const pm2Id = z.union([z.number(), z.string().regex(/^\d{1,4}$/).transform(Number)], notPm2Id)
  .pipe(z.number().int(notPm2Id).min(0, notPm2Id).max(9999, notPm2Id));

export const cronCommandRequest = z.object({
  kind: cronCommandKindSchema,
  /** A pm2 id (0, 1, 2 …), never a name: only digits reach the script. */
  process: pm2Id.optional(),
  lines: z.number().int().min(1).max(maxPm2LogLines).optional(),
}).refine((body) => body.kind !== 'pm2-logs' || body.process !== undefined, {
  message: 'pm2-logs needs the process: a pm2 process id (digits)', path: ['process'],
});
export type CronCommandRequest = z.input<typeof cronCommandRequest>;

/** The statuses pm2 reports for a process (`pm2 jlist`'s `pm2_env.status`). */
export const pm2ProcessStatuses = [
  'online', 'stopping', 'stopped', 'launching', 'errored', 'one-launch-status', 'waiting restart',
] as const;

export const pm2ProcessSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  /** One of `pm2ProcessStatuses`, or whatever a newer pm2 says. */
  status: z.string(),
  memoryMb: z.number(),
  restarts: z.number().int(),
  /** Seconds since pm2 last started it; null when stopped or unknown. */
  uptimeSeconds: z.number().int().nullable(),
});
export type Pm2ProcessView = z.infer<typeof pm2ProcessSchema>;

export const diskUseSchema = z.object({
  usePercent: z.number(),
  sizeGiB: z.number(),
  usedGiB: z.number(),
  availableGiB: z.number(),
});
export type DiskUse = z.infer<typeof diskUseSchema>;

export const cronCommandOutputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pm2-list'), processes: z.array(pm2ProcessSchema) }),
  z.object({ kind: z.literal('pm2-logs'), text: z.string(), truncated: z.boolean() }),
  z.object({ kind: z.literal('disk'), disk: diskUseSchema }),
  z.object({
    kind: z.literal('pm2-flush'),
    diskBefore: diskUseSchema.nullable(),
    diskAfter: diskUseSchema.nullable(),
  }),
]);
export type CronCommandOutput = z.infer<typeof cronCommandOutputSchema>;

export const cronCommandSchema = z.object({
  commandId: z.string(),
  kind: cronCommandKindSchema,
  status: cronCommandStatusSchema,
  output: cronCommandOutputSchema.optional(),
  /** What the host said when it failed, redacted and shortened. */
  error: z.string().optional(),
});
export type CronCommandView = z.infer<typeof cronCommandSchema>;

export const cronCommandStarted = z.object({
  commandId: z.string(),
  kind: cronCommandKindSchema,
  /** The audit row of a pm2-flush, completed when the command finishes. */
  audit: auditEntrySchema.optional(),
  replayed: z.boolean(),
});
export type CronCommandStarted = z.infer<typeof cronCommandStarted>;
