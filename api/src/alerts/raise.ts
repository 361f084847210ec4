import type { PoolClient } from 'pg';
import type { CardId, CategoryId, Severity } from '@turno/shared';
import { restartSteps } from '../notify/notify-store.ts';

/** A cause seen now, by a probe or by the watcher, that should be one live alert. */
export interface AlertRaise {
  /** One live alert per cause, whoever saw it: "whatsapp-unpaid", "provider-forbidden:MIX". */
  key: string;
  category: CategoryId;
  card: CardId | null;
  severity: Severity;
  origin: 'sync-error' | 'probe';
  probe?: string;
  /** What was seen, redacted; replaces the previous detail. */
  detail?: Record<string, unknown>;
  /** Named resources (functions, instances, services) the alert concerns. */
  resources?: string[];
  /** Those of them it is about, for maintenance windows; default: every one. */
  subjects?: string[];
}

export type RaiseChange = 'opened' | 'reopened' | 'updated';

export interface RaiseOutcome {
  id: string;
  change: RaiseChange;
}

/** How an alert's `origins` names who saw its cause: "sync-error", "probe:ultramsg". */
export function originLabel(raise: Pick<AlertRaise, 'origin' | 'probe'>): string {
  return raise.origin === 'probe' ? `probe:${raise.probe ?? ''}` : 'sync-error';
}

/** SQL: `origins` with `label` added once. */
export const withOrigin = (label: string) =>
  `CASE WHEN ${label} = ANY(origins) THEN origins ELSE origins || ${label}::text END`;

/** SQL: the higher of the alert's severity and `given`. */
export const higherSeverity = (given: string) =>
  `CASE WHEN array_position(ARRAY['info', 'warning', 'high', 'critical'], ${given}::text)
      > coalesce(array_position(ARRAY['info', 'warning', 'high', 'critical'], severity), 0)
    THEN ${given}::text ELSE severity END`;

/**
 * SQL: what a probe sees now (`given`) and every function of the alert's Sync_error rows.
 * A probe's resources are replaced each run; its CPU alert names today's busiest function.
 */
export const probeResources = (given: string) =>
  `ARRAY(SELECT DISTINCT r FROM unnest(${given}::text[] || ARRAY(
      SELECT function_name FROM turno.seen_errors
      WHERE alert_id = turno.alerts.id AND function_name IS NOT NULL)) AS r ORDER BY 1)`;

/** What the raise is about; a Sync_error raise names none (its functions count). */
function subjectsOf(raise: AlertRaise): string[] {
  return raise.origin === 'probe' ? raise.subjects ?? raise.resources ?? [] : [];
}

/** A probe's finding, raised under its cause's key. */
export type ProbeRaise = AlertRaise & { origin: 'probe'; probe: string };

/**
 * Opens the key's alert for a probe's finding, or keeps its live one counting, whoever
 * opened it: a probe and Sync_error seeing one cause share one alert. A key resolved less
 * than `flapSeconds` ago reopens that alert instead: a cause that comes and goes stays one
 * alert, and since its push was sent already, nobody is paged again for it.
 */
export async function raiseAlert(
  client: PoolClient, raise: ProbeRaise, now: Date, flapSeconds: number,
): Promise<RaiseOutcome> {
  const live = await liveAlertId(client, raise.key);
  if (live) {
    await touch(client, live, raise, now);
    return { id: live, change: 'updated' };
  }
  const reopened = await reopenRecent(client, raise, now, flapSeconds);
  if (reopened) return { id: reopened, change: 'reopened' };

  const resources = raise.resources ?? [];
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO turno.alerts (dedup_key, category, card, severity, origin, probe, detail,
        resources, probe_resources, probe_subjects, origins, probe_count, count, first_seen,
        last_seen, active_at, opened_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $11, ARRAY[$10::text], 1, 1, $9, $9, $9, $9)
      ON CONFLICT (dedup_key) WHERE state <> 'resolved' DO NOTHING
      RETURNING id::text AS id`,
    [
      raise.key, raise.category, raise.card, raise.severity, raise.origin, raise.probe ?? null,
      raise.detail ?? null, resources, now, originLabel(raise), subjectsOf(raise),
    ],
  );
  const id = rows[0]?.id;
  if (id) return { id, change: 'opened' };
  // Another writer opened it between our read and insert: join theirs.
  const theirs = await liveAlertId(client, raise.key);
  if (!theirs) throw new Error(`alert ${raise.key} vanished while being raised`);
  await touch(client, theirs, raise, now);
  return { id: theirs, change: 'updated' };
}

/** Resolves the key's live alert, if any, because its cause is gone. */
export async function clearAlert(
  client: PoolClient, key: string, now: Date, by: string,
): Promise<string | null> {
  const { rows } = await client.query<{ id: string }>(
    `UPDATE turno.alerts SET state = 'resolved', resolved_at = $2, resolved_by = $3,
        resolved_by_hand = false
      WHERE dedup_key = $1 AND state <> 'resolved' RETURNING id::text AS id`,
    [key, now, by],
  );
  return rows[0]?.id ?? null;
}

export async function liveAlertId(client: PoolClient, key: string): Promise<string | null> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT id::text AS id FROM turno.alerts WHERE dedup_key = $1 AND state <> 'resolved'
      FOR UPDATE`,
    [key],
  );
  return rows[0]?.id ?? null;
}

/**
 * Brings back the key's alert resolved within `flapSeconds`. Resolved by itself (its quiet
 * period, a probe seeing health), the cause came and went: the alert comes back in the state
 * it had, acknowledged if it was (its person already knows), and nobody is paged again.
 * Resolved by a person, the errors went on after they said it was fixed: it reopens open and
 * unacknowledged, and is pushed again from the first step. A probe's sighting counts and
 * sets its resources; Sync_error rows are counted by the caller.
 */
export async function reopenRecent(
  client: PoolClient, raise: AlertRaise, now: Date, flapSeconds: number,
): Promise<string | null> {
  if (flapSeconds <= 0) return null;
  const byProbe = raise.origin === 'probe';
  const { rows } = await client.query<{ id: string; by_hand: boolean }>(
    `UPDATE turno.alerts SET
        state = CASE WHEN resolved_by_hand OR acknowledged_at IS NULL THEN 'open'
          ELSE 'acknowledged' END,
        acknowledged_at = CASE WHEN resolved_by_hand THEN NULL ELSE acknowledged_at END,
        acknowledged_by = CASE WHEN resolved_by_hand THEN NULL ELSE acknowledged_by END,
        pushed_at = CASE WHEN resolved_by_hand THEN NULL ELSE pushed_at END,
        reopened_after_by = CASE WHEN resolved_by_hand THEN resolved_by END,
        resolved_at = NULL, resolved_by = NULL, resolved_by_hand = false,
        reopened = reopened + 1, reopened_at = $3, active_at = $3,
        last_seen = greatest(last_seen, $3),
        count = count + CASE WHEN $6 THEN 1 ELSE 0 END,
        probe_count = probe_count + CASE WHEN $6 THEN 1 ELSE 0 END,
        detail = coalesce($4, detail), origins = ${withOrigin('$7')},
        severity = ${higherSeverity('$8')},
        probe_resources = CASE WHEN $6 THEN $5::text[] ELSE probe_resources END,
        probe_subjects = CASE WHEN $6 THEN $9::text[] ELSE probe_subjects END,
        resources = CASE WHEN $6 THEN ${probeResources('$5')} ELSE resources END
      WHERE id = (
        SELECT id FROM turno.alerts
        WHERE dedup_key = $1 AND state = 'resolved' AND resolved_at >= $2
        ORDER BY resolved_at DESC LIMIT 1 FOR UPDATE
      )
      RETURNING id::text AS id, reopened_after_by IS NOT NULL AS by_hand`,
    [
      raise.key, new Date(now.getTime() - flapSeconds * 1000), now, raise.detail ?? null,
      raise.resources ?? [], byProbe, originLabel(raise), raise.severity, subjectsOf(raise),
    ],
  );
  const row = rows[0];
  if (row?.by_hand) await restartSteps(client, row.id);
  return row?.id ?? null;
}

/** A live alert seen again by a probe: one more sighting, what it sees now, its origin. */
async function touch(client: PoolClient, id: string, raise: ProbeRaise, now: Date) {
  await client.query(
    `UPDATE turno.alerts SET
        active_at = $2, last_seen = greatest(last_seen, $2),
        count = count + 1, probe_count = probe_count + 1,
        detail = coalesce($3, detail), probe = coalesce(probe, $6),
        origins = ${withOrigin('$5')}, severity = ${higherSeverity('$7')},
        probe_resources = $4::text[], resources = ${probeResources('$4')},
        probe_subjects = $8::text[]
      WHERE id = $1::uuid`,
    [
      id, now, raise.detail ?? null, raise.resources ?? [], originLabel(raise),
      raise.probe ?? null, raise.severity, subjectsOf(raise),
    ],
  );
}
