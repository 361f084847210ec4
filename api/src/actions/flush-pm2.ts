import { TurnoError, type CronCommandStarted } from '@turno/shared';
import { writeAudit } from '../audit/audit-log.ts';
import { runIdempotent } from '../audit/idempotency.ts';
import type { CronCommand } from '../cloud/cron-host.ts';
import { errorFields } from '../log.ts';
import { cronDiskProbeName, pm2ProbeName } from '../probes/infra/probe-names.ts';
import { makeProbeDue } from '../probes/probe-store.ts';
import type { AppDeps, Logger, Principal } from '../types.ts';
import { withActionLock } from './action-lock.ts';
import {
  completeFlushAudit, flushAction, flushInFlight, pendingDetail,
} from './flush-pm2-audit.ts';

export interface FlushRequest {
  principal: Principal;
  idempotencyKey: string | undefined;
}

/**
 * The runbook's `pm2 flush` on flotas-cron-arc: sent once per Idempotency-Key and never while
 * another flush may still run, audited at once with the pending command, completed (disk use
 * before and after) when it is polled.
 */
export async function startPm2Flush(
  deps: AppDeps, request: FlushRequest,
): Promise<CronCommandStarted> {
  const { principal, idempotencyKey } = request;
  const target = `${deps.cloud.cronHost.instanceId}/pm2`;
  const log = deps.log.child('actions', { action: flushAction, target, user: principal.user });

  const { body, replayed } = await runIdempotent(
    deps.statePool,
    { actor: principal.user, key: idempotencyKey, action: flushAction, target },
    // Two phones flushing at once would send two commands: the second waits, then is refused.
    () => withActionLock(deps.statePool, `pm2-flush:${target}`, async (db) => {
      const audit = (outcome: 'ok' | 'failed', detail: string) => writeAudit(db, {
        actor: principal.user, role: principal.role, action: flushAction, target,
        before: null, after: null, outcome, detail,
      }, deps.now());
      let commandId: string;
      try {
        const busy = await flushInFlight(db, target, deps.now());
        if (busy) throw new TurnoError('action_in_progress');
        ({ commandId } = await deps.cloud.cronHost.startCommand('pm2-flush'));
      } catch (error) {
        const code = error instanceof TurnoError ? error.code : 'internal';
        await audit('failed', code);
        log.warn('pm2_flush.not_sent', { code });
        throw error;
      }
      const entry = await audit('ok', pendingDetail(commandId));
      log.info('pm2_flush.sent', { commandId });
      return { commandId, kind: 'pm2-flush' as const, audit: entry };
    }),
  );
  return { ...body, replayed };
}

/**
 * What a poll of any cron command does once it sees a flush ended: the first such poll completes
 * the audit and, on success, makes the disk and pm2 probes due, so the watcher's next pass
 * (seconds away) shows the freed disk and closes card T.7 instead of the probes' next turn
 * minutes later. Later polls find the audit complete and mark nothing again. Not when the flush
 * is sent: a pass then would only read the disk still full, one more command on a busy host.
 */
export async function finishPm2Flush(
  deps: AppDeps, command: CronCommand, log: Logger,
): Promise<void> {
  if (!(await completeFlushAudit(deps.statePool, command))) return;
  log.info('pm2_flush.finished', { commandId: command.commandId, status: command.status });
  if (command.status !== 'success') return;
  for (const probe of [cronDiskProbeName, pm2ProbeName]) {
    // Failing, Estado lags until the probe's turn, as before: the flush itself went through.
    await makeProbeDue(deps.statePool, probe).catch((error: unknown) => {
      log.warn('pm2_flush.probe_not_due', { probe, ...errorFields(error) });
    });
  }
}
