import type { Pool } from 'pg';
import * as z from 'zod';
import { inTransaction } from '../../db/transaction.ts';

const settingKey = 'whatsapp.reminder';
const hour = 3_600_000;
const day = 24 * hour;

const stateSchema = z.object({
  /** When Turno first looked: the count starts there until someone says "Listo". */
  startedAt: z.string().nullable().default(null),
  lastConfirmedAt: z.string().nullable().default(null),
  lastConfirmedBy: z.string().nullable().default(null),
  lastSentAt: z.string().nullable().default(null),
});

/** The phone reminder's memory: who last said "Listo", and when Turno last asked. */
export type ReminderState = z.infer<typeof stateSchema>;

export interface ReminderTiming {
  everyDays: number;
  repeatHours: number;
}

const empty: ReminderState = {
  startedAt: null, lastConfirmedAt: null, lastConfirmedBy: null, lastSentAt: null,
};

/**
 * When the keeper should next open WhatsApp: `everyDays` after the last "Listo", or after
 * Turno first looked when nobody confirmed yet (a fresh install does not page at once; a
 * phone already idle for 14 days shows up as status "qr" instead). Null before the first look.
 */
export function reminderDueAt(state: ReminderState, timing: ReminderTiming): Date | null {
  const from = state.lastConfirmedAt ?? state.startedAt;
  return from ? new Date(Date.parse(from) + timing.everyDays * day) : null;
}

/** Whether to push now: once when due, then every `repeatHours` until someone taps "Listo". */
export function reminderShouldSend(
  state: ReminderState, timing: ReminderTiming, now: Date,
): boolean {
  const dueAt = reminderDueAt(state, timing);
  if (!dueAt || now < dueAt) return false;
  if (!state.lastSentAt) return true;
  const sentAt = Date.parse(state.lastSentAt);
  if (sentAt < dueAt.getTime()) return true;
  return now.getTime() - sentAt >= timing.repeatHours * hour;
}

export async function readReminder(db: Pool): Promise<ReminderState> {
  const { rows } = await db.query<{ value: unknown }>(
    'SELECT value FROM turno.settings WHERE key = $1', [settingKey],
  );
  const parsed = stateSchema.safeParse(rows[0]?.value ?? {});
  return parsed.success ? parsed.data : empty;
}

/**
 * Writes `next` unless another watcher changed the state since `seen` was read: the first to
 * write wins, so of two watchers only one pushes (or starts the count).
 */
export async function claimReminder(
  db: Pool, seen: ReminderState, next: ReminderState,
): Promise<boolean> {
  await db.query(
    'INSERT INTO turno.settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING',
    [settingKey, JSON.stringify(empty)],
  );
  const { rowCount } = await db.query(
    `UPDATE turno.settings SET value = $3::jsonb
      WHERE key = $1 AND value = $2::jsonb`,
    [settingKey, JSON.stringify(seen), JSON.stringify(next)],
  );
  return (rowCount ?? 0) > 0;
}

/** "Listo": the keeper opened WhatsApp on the phone; the next reminder is `everyDays` away. */
export async function confirmReminder(
  db: Pool, user: string, now: Date,
): Promise<{ before: ReminderState; after: ReminderState }> {
  return inTransaction(db, async (client) => {
    await client.query(
      'INSERT INTO turno.settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING',
      [settingKey, JSON.stringify(empty)],
    );
    const { rows } = await client.query<{ value: unknown }>(
      'SELECT value FROM turno.settings WHERE key = $1 FOR UPDATE', [settingKey],
    );
    const parsed = stateSchema.safeParse(rows[0]?.value ?? {});
    const before = parsed.success ? parsed.data : empty;
    const after: ReminderState = {
      ...before, lastConfirmedAt: now.toISOString(), lastConfirmedBy: user,
    };
    await client.query('UPDATE turno.settings SET value = $2 WHERE key = $1',
      [settingKey, JSON.stringify(after)]);
    return { before, after };
  });
}
