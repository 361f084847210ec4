import type { Pool } from 'pg';
import type { ScheduleSummary } from '../cloud/types.ts';

/** A schedule whose last pause or resume through Turno was a pause. */
export interface TurnoPaused {
  group: string;
  name: string;
  /** The first pause through Turno since its last resume through Turno. */
  since: Date;
  by: string;
}

/**
 * Schedules paused through Turno and not resumed through it since, from the audit alone
 * (a resume in the AWS console leaves no row: check the schedule's state too). Only a pause
 * that turned the schedule from ENABLED to DISABLED counts; one that found it paused already
 * did nothing. Any resume counts: even one that found it running shows the pause had ended.
 */
export async function pausedThroughTurno(db: Pool): Promise<TurnoPaused[]> {
  const { rows } = await db.query<{ target: string; at: Date; actor: string }>(
    `WITH changes AS (
        SELECT id, target, action, actor, at,
          max(at) FILTER (WHERE action = 'schedule.resume') OVER (PARTITION BY target) AS resumed
        FROM turno.audit_log
        WHERE outcome = 'ok' AND (action = 'schedule.resume' OR (action = 'schedule.pause'
          AND before->>'state' = 'ENABLED' AND after->>'state' = 'DISABLED')))
      SELECT DISTINCT ON (target) target, at, actor FROM changes
        WHERE action = 'schedule.pause' AND (resumed IS NULL OR at > resumed)
        ORDER BY target, at, id`,
  );
  return rows.flatMap((row) => {
    const slash = row.target.indexOf('/');
    if (slash < 1) return [];
    return [{
      group: row.target.slice(0, slash), name: row.target.slice(slash + 1),
      since: row.at, by: row.actor,
    }];
  });
}

/** Those of `paused` the scheduler still shows as DISABLED, longest paused first. */
export function stillPaused(
  paused: readonly TurnoPaused[], schedules: readonly Pick<ScheduleSummary,
    'GroupName' | 'Name' | 'State'>[],
): TurnoPaused[] {
  const disabled = new Set(schedules.filter((s) => s.State === 'DISABLED')
    .map((s) => `${s.GroupName}/${s.Name}`));
  return paused.filter((p) => disabled.has(`${p.group}/${p.name}`))
    .sort((a, b) => a.since.getTime() - b.since.getTime() || a.name.localeCompare(b.name));
}

/** Paused at least `hours` at `now`. */
export function pausedLong(paused: TurnoPaused, hours: number, now: Date): boolean {
  return now.getTime() - paused.since.getTime() >= hours * 3_600_000;
}
