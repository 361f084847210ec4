import type { Pool, PoolClient } from 'pg';
import type { QuietHours } from '@turno/shared';

type Db = Pool | PoolClient;

interface Row {
  user_name: string;
  start_hour: number;
  end_hour: number;
}

export async function readQuietHours(db: Db, user: string): Promise<QuietHours | null> {
  return (await quietHoursOf(db, [user])).get(user) ?? null;
}

/** Each named person's quiet hours; people without any are absent from the map. */
export async function quietHoursOf(db: Db, users: string[]): Promise<Map<string, QuietHours>> {
  if (users.length === 0) return new Map();
  const { rows } = await db.query<Row>(
    'SELECT user_name, start_hour, end_hour FROM turno.quiet_hours WHERE user_name = ANY($1)',
    [users],
  );
  return new Map(rows.map((row) => [
    row.user_name, { startHour: row.start_hour, endHour: row.end_hour },
  ]));
}

/** Every person who set quiet hours. */
export async function allQuietHours(db: Db): Promise<Map<string, QuietHours>> {
  const { rows } = await db.query<Row>(
    'SELECT user_name, start_hour, end_hour FROM turno.quiet_hours',
  );
  return new Map(rows.map((row) => [
    row.user_name, { startHour: row.start_hour, endHour: row.end_hour },
  ]));
}

export async function saveQuietHours(
  db: Db, user: string, quiet: QuietHours, now: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO turno.quiet_hours (user_name, start_hour, end_hour, updated_at)
      VALUES ($1, $2, $3, $4)
      ON CONFLICT (user_name) DO UPDATE
        SET start_hour = $2, end_hour = $3, updated_at = $4`,
    [user, quiet.startHour, quiet.endHour, now],
  );
}

export async function clearQuietHours(db: Db, user: string): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM turno.quiet_hours WHERE user_name = $1', [
    user,
  ]);
  return (rowCount ?? 0) > 0;
}
