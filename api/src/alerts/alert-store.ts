import type { Pool, PoolClient } from 'pg';
import {
  transition, TurnoError, type Alert, type AlertState, type AlertSummary,
} from '@turno/shared';
import { literal, statement, type Statement } from '../db/statements.ts';
import { inTransaction } from '../db/transaction.ts';
import {
  alertColumns, alertSummaryColumns, toAlert, toAlertSummary, type AlertRow,
  type AlertSummaryRow,
} from './alert-rows.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const listLimit = 200;

/** Newest first; without a state, every alert. */
export async function listAlerts(
  pool: Pool, dataSources: Record<number, string>, states?: AlertState[],
): Promise<Alert[]> {
  const { rows } = states === undefined
    ? await pool.query<AlertRow>(
      `SELECT ${alertColumns} FROM turno.alerts AS a ORDER BY a.opened_at DESC, a.id LIMIT $1`,
      [listLimit],
    )
    : await pool.query<AlertRow>(
      `SELECT ${alertColumns} FROM turno.alerts AS a WHERE a.state = ANY($2::text[])
        ORDER BY a.opened_at DESC, a.id LIMIT $1`,
      [listLimit, states],
    );
  return rows.map((row) => toAlert(row, dataSources));
}

/** Newest first, as Estado lists them: without the samples and sources their page shows. */
export function alertSummariesStatement(states: AlertState[]): Statement<AlertSummary[]> {
  const wanted = states.length > 0 ? `a.state IN (${states.map(literal).join(', ')})` : 'false';
  return statement(
    `SELECT ${alertSummaryColumns} FROM turno.alerts AS a WHERE ${wanted}
      ORDER BY a.opened_at DESC, a.id LIMIT ${listLimit}`,
    (rows: AlertSummaryRow[]) => rows.map(toAlertSummary),
  );
}

export async function getAlert(
  pool: Pool, dataSources: Record<number, string>, id: string,
): Promise<Alert> {
  if (!uuidPattern.test(id)) throw new TurnoError('alert_not_found');
  const { rows } = await pool.query<AlertRow>(
    `SELECT ${alertColumns} FROM turno.alerts AS a WHERE a.id = $1::uuid`, [id],
  );
  const row = rows[0];
  if (!row) throw new TurnoError('alert_not_found');
  return toAlert(row, dataSources);
}

/**
 * Marks an alert as seen by someone on call. A second ack keeps the first one's who and when;
 * a resolved alert cannot be acknowledged. `alsoInside` runs in the same transaction (what
 * was pending stops, the audit row), given the state and card before; a push about to go out
 * waits for it, then sees the acknowledgement.
 */
export async function acknowledgeAlert(
  pool: Pool, dataSources: Record<number, string>, id: string, user: string, at: Date,
  alsoInside: (client: PoolClient, before: Resolution['before']) => Promise<void>
    = async () => undefined,
): Promise<{ alert: Alert; changed: boolean }> {
  if (!uuidPattern.test(id)) throw new TurnoError('alert_not_found');
  const changed = await inTransaction(pool, async (client) => {
    const { rows } = await client.query<Resolution['before']>(
      'SELECT state, card FROM turno.alerts WHERE id = $1::uuid FOR UPDATE', [id],
    );
    const before = rows[0];
    if (!before) throw new TurnoError('alert_not_found');
    if (before.state === 'resolved') throw new TurnoError('alert_already_resolved');
    const wasOpen = before.state === 'open';
    if (wasOpen) {
      await client.query(
        `UPDATE turno.alerts SET state = 'acknowledged', acknowledged_at = $2,
            acknowledged_by = $3
          WHERE id = $1::uuid`,
        [id, at, user],
      );
    }
    await alsoInside(client, before);
    return wasOpen;
  });
  // Read after the client went back: an embedded database serves one client at a time.
  return { alert: await getAlert(pool, dataSources, id), changed };
}

export interface Resolution {
  alert: Alert;
  /** The state and card it had, for the audit row. */
  before: { state: AlertState; card: string | null };
}

/**
 * Resolves an open or acknowledged alert by hand, with who and when; `alsoInside` runs in the
 * same transaction (the audit row, cancelling what was pending). A resolved alert answers 409
 * `alert_already_resolved`: of two resolutions at once, only one acts.
 */
export async function resolveAlert(
  pool: Pool, dataSources: Record<number, string>, id: string, user: string, at: Date,
  alsoInside: (client: PoolClient, resolution: Resolution['before']) => Promise<void>,
): Promise<Resolution> {
  if (!uuidPattern.test(id)) throw new TurnoError('alert_not_found');
  const before = await inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ state: AlertState; card: string | null }>(
      'SELECT state, card FROM turno.alerts WHERE id = $1::uuid FOR UPDATE', [id],
    );
    const row = rows[0];
    if (!row) throw new TurnoError('alert_not_found');
    if (row.state === 'resolved') throw new TurnoError('alert_already_resolved');
    const was = { state: row.state, card: row.card };
    await client.query(
      `UPDATE turno.alerts SET state = $2, resolved_at = $3, resolved_by = $4,
          resolved_by_hand = true
        WHERE id = $1::uuid`,
      [id, transition(row.state, 'resolve'), at, user],
    );
    await alsoInside(client, was);
    return was;
  });
  // Read after the client went back: an embedded database serves one client at a time.
  return { alert: await getAlert(pool, dataSources, id), before };
}
