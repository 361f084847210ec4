import * as z from 'zod';

/** WhatsApp's QR, the designated phone's reminder, and the sandbox's drills (Simulacros). */

const bilingual = z.object({ es: z.string(), en: z.string() });

/** The instance's QR as a data: URL, fetched through Turno so UltraMsg's token stays there. */
export const whatsappQrResponse = z.object({
  image: z.string(),
  fetchedAt: z.string(),
});
export type WhatsappQrResponse = z.infer<typeof whatsappQrResponse>;

export const phoneReminderSchema = z.object({
  /** False where Turno watches no UltraMsg instance: there is nothing to remind. */
  watched: z.boolean(),
  everyDays: z.number().int(),
  lastConfirmedAt: z.string().nullable(),
  lastConfirmedBy: z.string().nullable(),
  lastSentAt: z.string().nullable(),
  /**
   * When the next reminder can go out: due, or repeated, within the daytime hours it may be
   * sent in (Mexico City); null until Turno first looks.
   */
  dueAt: z.string().nullable(),
});
export type PhoneReminder = z.infer<typeof phoneReminderSchema>;

export const drillRequest = z.object({ on: z.boolean() }).strict();

export const drillSchema = z.object({
  name: z.string(),
  /** The probe that shows the drill; null when the watcher's Sync_error pass does. */
  probe: z.string().nullable(),
  title: bilingual,
  description: bilingual,
  on: z.boolean(),
  since: z.string().nullable(),
});
export type DrillView = z.infer<typeof drillSchema>;

export const drillsResponse = z.object({
  /** Drills exist only in the sandbox cloud; elsewhere the list is empty. */
  sandbox: z.boolean(),
  drills: z.array(drillSchema),
});
export type DrillsResponse = z.infer<typeof drillsResponse>;

/** How card 3.1's countdown reads an alert's detail (written by the gmail-sending probe). */
export const retryDetailSchema = z.object({
  retryAt: z.iso.datetime({ offset: true }),
  basis: z.enum(['retry-after', 'daily-quota', 'runbook']),
  since: z.string(),
});
export type RetryDetail = z.infer<typeof retryDetailSchema>;
