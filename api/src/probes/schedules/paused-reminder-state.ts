import type { Pool } from 'pg';
import * as z from 'zod';
import type { TurnoPaused } from '../../actions/paused-by-turno.ts';

const settingKey = 'schedules.paused-reminder';
const hour = 3_600_000;

const stateSchema = z.object({ lastSentAt: z.string().nullable().default(null) });

/** The paused-schedules reminder's memory: when Turno last pushed it. */
export type PausedReminderState = z.infer<typeof stateSchema>;

const empty: PausedReminderState = { lastSentAt: null };

/**
 * Whether to push now, given the schedules paused through Turno for `hours` or longer:
 * once one is, then every `hours` while any still is, and at once for one that has become
 * due since the last push (it was not in it).
 */
export function pausedReminderDue(
  long: readonly TurnoPaused[], lastSentAt: string | null, hours: number, now: Date,
): boolean {
  if (long.length === 0) return false;
  if (!lastSentAt) return true;
  const sent = Date.parse(lastSentAt);
  if (now.getTime() - sent >= hours * hour) return true;
  return long.some((paused) => paused.since.getTime() + hours * hour > sent);
}

export async function readPausedReminder(db: Pool): Promise<PausedReminderState> {
  const { rows } = await db.query<{ value: unknown }>(
    'SELECT value FROM turno.settings WHERE key = $1', [settingKey],
  );
  const parsed = stateSchema.safeParse(rows[0]?.value ?? {});
  return parsed.success ? parsed.data : empty;
}

/** Writes `next` unless another watcher changed the state since `seen`: one of them pushes. */
export async function claimPausedReminder(
  db: Pool, seen: PausedReminderState, next: PausedReminderState,
): Promise<boolean> {
  await db.query(
    'INSERT INTO turno.settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING',
    [settingKey, JSON.stringify(empty)],
  );
  const { rowCount } = await db.query(
    'UPDATE turno.settings SET value = $3::jsonb WHERE key = $1 AND value = $2::jsonb',
    [settingKey, JSON.stringify(seen), JSON.stringify(next)],
  );
  return (rowCount ?? 0) > 0;
}
