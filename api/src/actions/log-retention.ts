import {
  TurnoError, type AuditAction, type AuditEntry, type LogRetention, type LogRetentionDays,
} from '@turno/shared';
import { writeAudit } from '../audit/audit-log.ts';
import { runIdempotent } from '../audit/idempotency.ts';
import type { AppDeps, Principal } from '../types.ts';

export const retentionAction: AuditAction = 'logs.retention';

export interface RetentionRequest {
  principal: Principal;
  days: LogRetentionDays | null;
  idempotencyKey: string | undefined;
}

export interface RetentionResult {
  retention: LogRetention;
  audit: AuditEntry;
  replayed: boolean;
}

/** Sets the app log group's autolimpieza: admin only (the route), idempotent, audited. */
export async function setLogRetention(
  deps: AppDeps, request: RetentionRequest,
): Promise<RetentionResult> {
  const { principal, days, idempotencyKey } = request;
  const logs = deps.cloud.logs;
  const target = logs.groupName;
  const log = deps.log.child('actions', { action: retentionAction, target, user: principal.user });
  const audit = (outcome: 'ok' | 'failed', before: unknown, after: unknown, detail?: string) =>
    writeAudit(deps.statePool, {
      actor: principal.user, role: principal.role, action: retentionAction, target,
      before, after, outcome, detail,
    }, deps.now());

  const { body, replayed } = await runIdempotent(
    deps.statePool,
    { actor: principal.user, key: idempotencyKey, action: retentionAction, target },
    async () => {
      let before: number | null | undefined;
      let after: number | null;
      try {
        before = await logs.getRetention();
        if (before !== days) await logs.setRetention(days);
        after = await logs.getRetention();
      } catch (error) {
        const code = error instanceof TurnoError ? error.code : 'internal';
        await audit('failed', before === undefined ? null : { days: before }, null, code);
        log.warn('retention.failed', { code });
        throw error;
      }
      const entry = await audit('ok', { days: before }, { days: after },
        before === days ? 'already in that state' : undefined);
      log.info('retention.set', { days: after });
      return { retention: { group: target, days: after }, audit: entry };
    },
  );
  return { ...body, replayed };
}
