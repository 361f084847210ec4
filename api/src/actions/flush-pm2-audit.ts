import type { Pool, PoolClient } from 'pg';
import { isCronCommandDone, redact, type AuditAction, type DiskUse } from '@turno/shared';
import {
  deliveryTimeoutSeconds, executionTimeoutSeconds, type CronCommand,
} from '../cloud/cron-host.ts';

export const flushAction: AuditAction = 'cron-host.pm2-flush';

/** The audit row's detail while the flush runs: how a later poll finds the row to complete. */
export function pendingDetail(commandId: string): string {
  return `ssm command ${commandId}: pending`;
}

/** After this long SSM has given up on a command, whether or not a poll saw it end. */
const inFlightMs = (deliveryTimeoutSeconds + executionTimeoutSeconds) * 1000;

/** Whether a flush sent to this host may still run: no poll saw it end, SSM has not given up. */
export async function flushInFlight(db: Pool | PoolClient, target: string, now: Date) {
  const { rowCount } = await db.query(
    `SELECT 1 FROM turno.audit_log
      WHERE action = $1 AND target = $2 AND detail LIKE 'ssm command %: pending' AND at > $3`,
    [flushAction, target, new Date(now.getTime() - inFlightMs)],
  );
  return (rowCount ?? 0) > 0;
}

const disk = (use: DiskUse | null | undefined) =>
  use ? { diskUsePercent: use.usePercent, usedGiB: use.usedGiB, sizeGiB: use.sizeGiB } : null;

/**
 * Completes the pending audit row of a finished flush with the disk use the script read just
 * before and just after `pm2 flush`. Only the first poll to see it finished updates the row.
 */
export async function completeFlushAudit(pool: Pool, command: CronCommand): Promise<boolean> {
  if (command.kind !== 'pm2-flush' || !isCronCommandDone(command.status)) return false;
  const output = command.output?.kind === 'pm2-flush' ? command.output : undefined;
  const failed = command.status !== 'success';
  const why = command.error ? ` (${redact(command.error).slice(0, 300)})` : '';
  const { rowCount } = await pool.query(
    `UPDATE turno.audit_log SET before = $3, after = $4, outcome = $5, detail = $6
      WHERE action = $1 AND detail = $2`,
    [
      flushAction,
      pendingDetail(command.commandId),
      json(disk(output?.diskBefore)),
      JSON.stringify({ status: command.status, ...disk(output?.diskAfter) }),
      failed ? 'failed' : 'ok',
      `ssm command ${command.commandId}: ${command.status}${why}`,
    ],
  );
  return rowCount === 1;
}

function json(value: unknown): string | null {
  return value === null ? null : JSON.stringify(value);
}
