import type { Pool, PoolClient } from 'pg';
import type { AuditAction, AuditEntry, Role } from '@turno/shared';
import { statement, type Statement } from '../db/statements.ts';

export interface AuditInput {
  actor: string;
  role: Role;
  /** What was done: one of the kinds the PWA has words for. */
  action: AuditAction;
  /** What it was done to: "default/linde-mix-get-events" … */
  target: string;
  before: unknown;
  after: unknown;
  outcome: 'ok' | 'failed';
  detail?: string | null;
}

interface Row {
  id: string;
  at: Date;
  actor: string;
  role: Role;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
  outcome: 'ok' | 'failed';
  detail: string | null;
}

const columns = 'id::text AS id, at, actor, role, action, target, before, after, outcome, detail';

/** Every action on production leaves one row, whatever its outcome. */
export async function writeAudit(
  db: Pool | PoolClient, entry: AuditInput, at: Date,
): Promise<AuditEntry> {
  const { rows } = await db.query<Row>(
    `INSERT INTO turno.audit_log (at, actor, role, action, target, before, after, outcome, detail)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${columns}`,
    [
      at, entry.actor, entry.role, entry.action, entry.target,
      toJson(entry.before), toJson(entry.after), entry.outcome, entry.detail ?? null,
    ],
  );
  const row = rows[0];
  if (!row) throw new Error('audit insert returned no row');
  return toEntry(row);
}

/**
 * Newest first; with `before` (a row's id), the rows older than that row, none if it does not
 * exist. The row comparison is a range of the index on (at DESC, id DESC), never a scan.
 */
export async function listAudit(
  db: Pool, limit: number, before?: string,
): Promise<AuditEntry[]> {
  const order = 'ORDER BY at DESC, id DESC LIMIT $1';
  const { rows } = before === undefined
    ? await db.query<Row>(`SELECT ${columns} FROM turno.audit_log ${order}`, [limit])
    : await db.query<Row>(
      `SELECT ${columns} FROM turno.audit_log
        WHERE (at, id) < (SELECT at, id FROM turno.audit_log WHERE id = $2::bigint) ${order}`,
      [limit, before],
    );
  return rows.map(toEntry);
}

/**
 * The newest audit row's id, '' before the first. Every action leaves a row once it has acted,
 * so a change of this mark says that something may have changed, in whichever container.
 */
export function latestAuditIdStatement(): Statement<string> {
  return statement('SELECT max(id)::text AS id FROM turno.audit_log',
    (rows: Array<{ id: string | null }>) => rows[0]?.id ?? '');
}

function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

function toEntry(row: Row): AuditEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actor,
    role: row.role,
    action: row.action,
    target: row.target,
    before: row.before,
    after: row.after,
    outcome: row.outcome,
    detail: row.detail,
  };
}
