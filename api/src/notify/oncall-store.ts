import type { Pool, PoolClient } from 'pg';
import type { OncallOverride, Rotation, RotationRequest } from '@turno/shared';
import type { OverrideSpan, RotationPlan } from './rotation.ts';

type Db = Pool | PoolClient;

interface RotationRow {
  members: string[];
  handoff_weekday: number;
  handoff_hour: number;
  anchor: string;
  repeat_minutes: number;
  escalate_after: number;
  updated_at: Date | null;
  updated_by: string | null;
}

interface OverrideRow {
  id: string;
  user_name: string;
  starts_at: Date;
  ends_at: Date;
  reason: string | null;
  created_by: string;
}

// The date goes out as text: pg would read it as midnight in this process's own zone.
const rotationColumns = `members, handoff_weekday, handoff_hour, anchor::text AS anchor,
  repeat_minutes, escalate_after, updated_at, updated_by`;
const overrideColumns = 'id::text AS id, user_name, starts_at, ends_at, reason, created_by';

export async function readRotation(db: Db): Promise<Rotation> {
  const { rows } = await db.query<RotationRow>(
    `SELECT ${rotationColumns} FROM turno.oncall_rotation WHERE id = 1`,
  );
  const row = rows[0];
  if (!row) throw new Error('turno.oncall_rotation has no row');
  return toRotation(row);
}

/** Replaces the rotation; its first member is on call from the current week's handoff. */
export async function saveRotation(
  db: Db, request: RotationRequest, by: string, now: Date,
): Promise<Rotation> {
  // Imported on use: luxon stays out of the api's cold start (docs/benchmarks.md).
  const { anchorForNow } = await import('./rotation.ts');
  const anchor = anchorForNow(now, request);
  const { rows } = await db.query<RotationRow>(
    `UPDATE turno.oncall_rotation SET members = $1, handoff_weekday = $2, handoff_hour = $3,
        anchor = $4::date, repeat_minutes = $5, escalate_after = $6, updated_at = $7,
        updated_by = $8
      WHERE id = 1 RETURNING ${rotationColumns}`,
    [
      request.members, request.handoffWeekday, request.handoffHour, anchor,
      request.repeatMinutes, request.escalateAfter, now, by,
    ],
  );
  const row = rows[0];
  if (!row) throw new Error('turno.oncall_rotation has no row');
  return toRotation(row);
}

export function planOf(rotation: Rotation): RotationPlan {
  const { members, handoffWeekday, handoffHour, anchor } = rotation;
  return { members, handoffWeekday, handoffHour, anchor };
}

/** Overrides not over yet at `now`, soonest first. */
export async function listOverrides(db: Db, now: Date): Promise<OncallOverride[]> {
  const { rows } = await db.query<OverrideRow>(
    `SELECT ${overrideColumns} FROM turno.oncall_overrides WHERE ends_at > $1
      ORDER BY starts_at, id LIMIT 100`,
    [now],
  );
  return rows.map(toOverride);
}

export function spansOf(overrides: OncallOverride[]): OverrideSpan[] {
  return overrides.map((o) => ({
    id: o.id, user: o.user, startsAt: new Date(o.startsAt), endsAt: new Date(o.endsAt),
  }));
}

export async function addOverride(
  db: Db,
  input: { user: string; startsAt: string; endsAt: string; reason?: string | undefined },
  by: string,
): Promise<OncallOverride> {
  const { rows } = await db.query<OverrideRow>(
    `INSERT INTO turno.oncall_overrides (user_name, starts_at, ends_at, reason, created_by)
      VALUES ($1, $2, $3, $4, $5) RETURNING ${overrideColumns}`,
    [input.user, input.startsAt, input.endsAt, input.reason || null, by],
  );
  const row = rows[0];
  if (!row) throw new Error('INSERT … RETURNING gave no row');
  return toOverride(row);
}

/** Removes an override; null when there was none with that id. */
export async function removeOverride(db: Db, id: string): Promise<OncallOverride | null> {
  if (!/^\d{1,18}$/.test(id)) return null;
  const { rows } = await db.query<OverrideRow>(
    `DELETE FROM turno.oncall_overrides WHERE id = $1 RETURNING ${overrideColumns}`, [id],
  );
  return rows[0] ? toOverride(rows[0]) : null;
}

function toRotation(row: RotationRow): Rotation {
  return {
    members: row.members,
    handoffWeekday: row.handoff_weekday,
    handoffHour: row.handoff_hour,
    anchor: row.anchor,
    repeatMinutes: row.repeat_minutes,
    escalateAfter: row.escalate_after,
    updatedAt: row.updated_at?.toISOString() ?? null,
    updatedBy: row.updated_by,
  };
}

function toOverride(row: OverrideRow): OncallOverride {
  return {
    id: row.id,
    user: row.user_name,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    reason: row.reason,
    createdBy: row.created_by,
  };
}
