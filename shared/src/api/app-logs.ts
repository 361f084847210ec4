import * as z from 'zod';
import { pageLimit } from './limits.ts';

/** The retention periods CloudWatch Logs accepts (PutRetentionPolicy `retentionInDays`). */
export const logRetentionDays = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922,
  3288, 3653,
] as const;
export type LogRetentionDays = (typeof logRetentionDays)[number];

export function isLogRetentionDays(days: unknown): days is LogRetentionDays {
  return (logRetentionDays as readonly unknown[]).includes(days);
}

const retentionDays = z.custom<LogRetentionDays>(isLogRetentionDays, {
  message: `must be one of ${logRetentionDays.join(', ')}`,
});

/** `days: null` keeps the logs forever (no autolimpieza). */
export const logRetentionRequest = z.object({ days: retentionDays.nullable() });

export const logRetentionSchema = z.object({
  group: z.string(),
  days: z.number().int().nullable(),
});
export type LogRetention = z.infer<typeof logRetentionSchema>;

export const logErrorLineSchema = z.object({
  at: z.string(),
  stream: z.string(),
  /** Redacted and shortened. */
  message: z.string(),
});
export type LogErrorLine = z.infer<typeof logErrorLineSchema>;

export const logErrorsQuery = z.object({
  limit: pageLimit(100, 20),
});

export const logErrorsResponse = z.object({
  group: z.string(),
  /** How far back the search looked, in hours. */
  windowHours: z.number(),
  /** The search hit its deadline: these are the lines found by then, maybe not the newest. */
  partial: z.boolean(),
  lines: z.array(logErrorLineSchema),
});
export type LogErrorsResponse = z.infer<typeof logErrorsResponse>;
