import type { Pool, PoolClient } from 'pg';
import type { NotificationKind, NotificationRecord } from '@turno/shared';

type Db = Pool | PoolClient;
type Outcome = NotificationRecord['outcome'];

export interface NotifyState {
  nextStep: number;
  nextAt: Date | null;
  snoozedUntil: Date | null;
  snoozedBy: string | null;
}

/**
 * After the first push, `nextStep` (1; 0 when quiet hours held the first push back) is due
 * at `nextAt`, or when a snooze ends if that is later.
 */
export async function startSteps(
  db: Db, alertId: string, nextStep: number, nextAt: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO turno.alert_notify (alert_id, next_step, next_at) VALUES ($1::uuid, $2, $3)
      ON CONFLICT (alert_id) DO UPDATE SET next_step = $2,
        next_at = greatest(EXCLUDED.next_at, turno.alert_notify.snoozed_until)`,
    [alertId, nextStep, nextAt],
  );
}

/**
 * A new round of pushes for an alert that reopened after a person resolved it: its snooze is
 * over, nothing is pending until its push goes out again, and that push takes the step after
 * every one already recorded (each step is claimed once per person).
 */
export async function restartSteps(db: Db, alertId: string): Promise<void> {
  await db.query(
    `UPDATE turno.alert_notify n SET next_at = NULL, snoozed_until = NULL, snoozed_by = NULL,
        first_step = greatest(n.next_step, coalesce(
          (SELECT max(step) + 1 FROM turno.notifications WHERE alert_id = n.alert_id), 0)),
        next_step = greatest(n.next_step, coalesce(
          (SELECT max(step) + 1 FROM turno.notifications WHERE alert_id = n.alert_id), 0))
      WHERE n.alert_id = $1::uuid`,
    [alertId],
  );
}

/** Acknowledged: no re-notification or escalation step is left pending. */
export async function cancelSteps(db: Db, alertId: string): Promise<void> {
  await db.query('UPDATE turno.alert_notify SET next_at = NULL WHERE alert_id = $1::uuid', [
    alertId,
  ]);
}

export async function readNotifyState(db: Db, alertId: string): Promise<NotifyState | null> {
  const { rows } = await db.query<{
    next_step: number; next_at: Date | null; snoozed_until: Date | null; snoozed_by: string | null;
  }>(
    `SELECT next_step, next_at, snoozed_until, snoozed_by FROM turno.alert_notify
      WHERE alert_id = $1::uuid`,
    [alertId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    nextStep: row.next_step,
    nextAt: row.next_at,
    snoozedUntil: row.snoozed_until,
    snoozedBy: row.snoozed_by,
  };
}

/** No re-notification before `until`; the next step waits for it. */
export async function snooze(db: Db, alertId: string, until: Date, by: string): Promise<void> {
  await db.query(
    `INSERT INTO turno.alert_notify (alert_id, next_step, next_at, snoozed_until, snoozed_by)
      VALUES ($1::uuid, 1, NULL, $2, $3)
      ON CONFLICT (alert_id) DO UPDATE SET snoozed_until = $2, snoozed_by = $3,
        next_at = CASE WHEN turno.alert_notify.next_at IS NULL THEN NULL
          ELSE greatest(turno.alert_notify.next_at, $2) END`,
    [alertId, until, by],
  );
}

/**
 * Ends a snooze early: a pending next step comes within `repeatMinutes` from now. Nothing
 * pending (acknowledged) stays so: least() would take the other value.
 */
export async function unsnooze(
  db: Db, alertId: string, now: Date, repeatMinutes: number,
): Promise<void> {
  await db.query(
    `UPDATE turno.alert_notify SET snoozed_until = NULL, snoozed_by = NULL,
        next_at = CASE WHEN next_at IS NULL THEN NULL
          ELSE least(next_at, $2::timestamptz + make_interval(mins => $3)) END
      WHERE alert_id = $1::uuid`,
    [alertId, now, repeatMinutes],
  );
}

export interface NotificationClaim {
  alertId: string;
  user: string;
  step: number;
  kind: NotificationKind;
  at: Date;
}

/**
 * Records a push of a step to a person, about to be sent; false when it was recorded already
 * (another watcher), or when the alert is no longer open or is snoozed: acknowledged while
 * the step was on its way, it sends nothing more. An acknowledgement still in its transaction
 * is waited for (the share lock). A step once held back by quiet hours may still go to them.
 */
export async function claimNotification(db: Db, claim: NotificationClaim): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO turno.notifications (alert_id, user_name, step, kind, outcome, at)
      SELECT a.id, $2, $3, $4, 'sending', $5 FROM turno.alerts a
        WHERE a.id = $1::uuid AND a.state = 'open' AND NOT EXISTS (
          SELECT 1 FROM turno.alert_notify n WHERE n.alert_id = a.id AND n.snoozed_until > $5)
        FOR SHARE OF a
      ON CONFLICT (alert_id, user_name, step) DO UPDATE
        SET outcome = 'sending', kind = EXCLUDED.kind, at = EXCLUDED.at
        WHERE turno.notifications.outcome = 'quiet'`,
    [claim.alertId, claim.user, claim.step, claim.kind, claim.at],
  );
  return (rowCount ?? 0) > 0;
}

/** Records that quiet hours kept a step from these people (kept if already recorded). */
export async function recordQuiet(
  db: Db, claim: Omit<NotificationClaim, 'user'>, users: readonly string[],
): Promise<void> {
  if (users.length === 0) return;
  await db.query(
    `INSERT INTO turno.notifications (alert_id, user_name, step, kind, outcome, at)
      SELECT $1::uuid, user_name, $3, $4, 'quiet', $5 FROM unnest($2::text[]) AS user_name
      ON CONFLICT (alert_id, user_name, step) DO NOTHING`,
    [claim.alertId, [...users], claim.step, claim.kind, claim.at],
  );
}

export async function finishNotification(
  db: Db, claim: Pick<NotificationClaim, 'alertId' | 'user' | 'step'>,
  outcome: Exclude<Outcome, 'sending' | 'quiet'>, delivered: number,
): Promise<void> {
  await db.query(
    `UPDATE turno.notifications SET outcome = $4, delivered = $5
      WHERE alert_id = $1::uuid AND user_name = $2 AND step = $3`,
    [claim.alertId, claim.user, claim.step, outcome, delivered],
  );
}

/** The newest 200, oldest first: an alert nobody acknowledges pages for as long as it lasts. */
export async function listNotifications(db: Db, alertId: string): Promise<NotificationRecord[]> {
  const { rows } = await db.query<{
    user_name: string; step: number; kind: NotificationKind; outcome: Outcome; delivered: number;
    at: Date;
  }>(
    `SELECT * FROM (
        SELECT user_name, step, kind, outcome, delivered, at FROM turno.notifications
          WHERE alert_id = $1::uuid ORDER BY step DESC, at DESC, user_name DESC LIMIT 200
      ) AS newest ORDER BY step, at, user_name`,
    [alertId],
  );
  return rows.map((row) => ({
    user: row.user_name,
    step: row.step,
    kind: row.kind,
    outcome: row.outcome,
    delivered: row.delivered,
    at: row.at.toISOString(),
  }));
}
