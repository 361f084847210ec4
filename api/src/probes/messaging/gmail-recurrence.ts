import type { Pool, PoolClient } from 'pg';
import { oauthDescription } from '@turno/shared';

type Db = Pool | PoolClient;

const day = 86_400_000;
/** Openings closer than this are one episode (the probe's alert and Sync_error's, a flap). */
const episodeGap = day;
/** Tokens of an OAuth app in "Testing" die 7 days after they are granted. */
const weeklyFrom = 6 * day;
const weeklyTo = 8.5 * day;
const lookBack = 120 * day;

export interface Recurrence {
  /** Start of the episode before this one, ISO; null when this is the first. */
  previousAt: string | null;
  /** Days between the two episodes' starts, one decimal; null when this is the first. */
  daysApart: number | null;
  /** About a week apart: the OAuth app is probably still in "Testing". */
  weekly: boolean;
}

/**
 * How far this episode of a dead Gmail token is from the one before. `openings` are the
 * opening times of gmail-token alerts, the current episode's included.
 */
export function recurrence(openings: Date[]): Recurrence {
  const sorted = [...openings].sort((a, b) => a.getTime() - b.getTime());
  const starts: Date[] = [];
  let last: Date | undefined;
  for (const at of sorted) {
    if (!last || at.getTime() - last.getTime() >= episodeGap) starts.push(at);
    last = at;
  }
  const current = starts.at(-1);
  const previous = starts.at(-2);
  if (!current || !previous) return { previousAt: null, daysApart: null, weekly: false };
  const gap = current.getTime() - previous.getTime();
  return {
    previousAt: previous.toISOString(),
    daysApart: Math.round((gap / day) * 10) / 10,
    weekly: gap >= weeklyFrom && gap <= weeklyTo,
  };
}

/**
 * Google's words for a refresh token that died (RFC 6749 invalid_grant): the only gmail-token
 * cause the 7-day Testing limit explains; a rejected client or missing scopes is not one.
 */
const deadTokenWords = 'invalid_grant|Token has been expired or revoked';

/**
 * When each gmail-token alert of the last months began to say the token died: its opening
 * with invalid_grant or its first such Sync_error row, whichever came first. Alerts for other
 * causes of card 3.2 are left out. When none is live, `now` stands for the alert about to open.
 */
export async function gmailTokenOpenings(db: Db, now: Date): Promise<Date[]> {
  const { rows } = await db.query<{ at: Date | null; live: boolean }>(
    `SELECT least(CASE WHEN a.detail->>'error' = 'invalid_grant' THEN a.opened_at END,
          (SELECT min(s.created_at) FROM turno.seen_errors AS s
            WHERE s.alert_id = a.id AND s.text ~* $3)) AS at,
        a.state <> 'resolved' AS live
      FROM turno.alerts AS a
      WHERE a.category = 'gmail-token' AND a.opened_at >= $1 AND a.opened_at <= $2`,
    [new Date(now.getTime() - lookBack), now, deadTokenWords],
  );
  const dead = rows.filter((row): row is { at: Date; live: boolean } => row.at !== null);
  const openings = dead.map((row) => row.at);
  if (!dead.some((row) => row.live)) openings.push(now);
  return openings;
}

/**
 * Card 3.2 from Sync_error rows, as the probe's: when its rows say the token died, the alert
 * says so with how far the time before was. `fresh` (just opened or reopened) recounts; a live
 * alert whose detail already names an error (the probe's, or counted before) keeps it.
 */
export async function noteDeadTokenRows(
  db: Db, alertId: string, now: Date, fresh: boolean,
): Promise<void> {
  const { rows } = await db.query<{ dead: string | null; error: string | null }>(
    `SELECT (SELECT s.text FROM turno.seen_errors AS s
          WHERE s.alert_id = a.id AND s.text ~* $2
          ORDER BY s.created_at DESC, s.sync_error_id DESC LIMIT 1) AS dead,
        a.detail->>'error' AS error
      FROM turno.alerts AS a WHERE a.id = $1::uuid`,
    [alertId, deadTokenWords],
  );
  const [alert] = rows;
  if (alert?.dead == null || (!fresh && alert.error !== null)) return;
  const again = recurrence(await gmailTokenOpenings(db, now));
  const said = {
    error: 'invalid_grant', description: oauthDescription(alert.dead),
    previousAt: again.previousAt, daysApart: again.daysApart, testingSuspected: again.weekly,
  };
  await db.query(
    `UPDATE turno.alerts SET detail = coalesce(detail, '{}'::jsonb) || $2::jsonb
      WHERE id = $1::uuid`,
    [alertId, said],
  );
}
