import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { TurnoError, type AuditAction, type AuditEntry, type Schedule } from '@turno/shared';
import { writeAudit } from '../audit/audit-log.ts';
import { runIdempotent } from '../audit/idempotency.ts';
import type { ScheduleDocument, ScheduleState } from '../cloud/types.ts';
import { errorFields } from '../log.ts';
import { makeProbeDue } from '../probes/probe-store.ts';
import { pausedReminderProbeName } from '../probes/schedules/paused-reminder.ts';
import type { AppDeps, Principal } from '../types.ts';
import { withActionLock } from './action-lock.ts';
import {
  exclusively, readSchedule, setScheduleState, type ScheduleStateChange,
} from './schedule-state.ts';
import { isManaged, toScheduleView } from './schedule-view.ts';

export type ScheduleVerb = 'pause' | 'resume';

export interface ScheduleActionRequest {
  principal: Principal;
  group: string;
  name: string;
  verb: ScheduleVerb;
  idempotencyKey: string | undefined;
}

export interface ScheduleActionResult {
  schedule: Schedule;
  audit: AuditEntry;
  replayed: boolean;
}

const wanted: Record<ScheduleVerb, ScheduleState> = { pause: 'DISABLED', resume: 'ENABLED' };

/** Pause or resume one schedule: allow-listed, idempotent per key, audited either way. */
export async function runScheduleAction(
  deps: AppDeps, request: ScheduleActionRequest,
): Promise<ScheduleActionResult> {
  const { principal, group, name, verb, idempotencyKey } = request;
  const target = `${group}/${name}`;
  const action: AuditAction = `schedule.${verb}`;
  const { body, replayed } = await runIdempotent(
    deps.statePool,
    { actor: principal.user, key: idempotencyKey, action, target },
    () => act(deps, request, action, target),
  );
  return { ...body, replayed };
}

/**
 * Read, write, read back and audit, with no other change to that schedule in between: one at a
 * time in this process, then under the schedule's advisory lock across every container.
 */
function act(
  deps: AppDeps, request: ScheduleActionRequest, action: AuditAction, target: string,
): Promise<Omit<ScheduleActionResult, 'replayed'>> {
  const { group, name } = request;
  return exclusively(deps.cloud.scheduler, group, name, () => withActionLock(
    deps.statePool, `schedule:${target}`, (db) => change(deps, db, request, action, target),
  ));
}

async function change(
  deps: AppDeps, db: PoolClient, request: ScheduleActionRequest, action: AuditAction,
  target: string,
): Promise<Omit<ScheduleActionResult, 'replayed'>> {
  const { principal, group, name, verb, idempotencyKey } = request;
  const log = deps.log.child('actions', { action, target, user: principal.user });
  const audit = (outcome: 'ok' | 'failed', before: unknown, after: unknown, detail?: string) =>
    writeAudit(db, {
      actor: principal.user, role: principal.role, action, target, before, after, outcome, detail,
    }, deps.now());

  let before: ScheduleDocument | null = null;
  let result: ScheduleStateChange;
  const { scheduler } = deps.cloud;
  try {
    before = await readSchedule(scheduler, group, name);
    if (!isManaged(deps.config.managedSchedules, group, name)) {
      throw new TurnoError('schedule_not_managed');
    }
    result = await setScheduleState(scheduler, group, name, wanted[verb], {
      now: deps.now(),
      before,
      ...(idempotencyKey ? { clientToken: clientToken(principal.user, idempotencyKey) } : {}),
    });
  } catch (error) {
    const code = error instanceof TurnoError ? error.code : 'internal';
    await audit('failed', before && snapshot(before), null, code);
    log.warn('schedule.action_failed', { code });
    throw error;
  }

  const entry = await audit(
    'ok', snapshot(result.before), snapshot(result.after), outcomeDetail(result),
  );
  // Else Estado's paused count lags up to the probe's interval; failing, it lags, nothing more.
  await makeProbeDue(db, pausedReminderProbeName).catch((error: unknown) => {
    log.warn('schedule.paused_probe_not_due', errorFields(error));
  });
  log.info('schedule.changed', {
    state: result.after.State,
    changed: result.changed,
    droppedStartDate: result.droppedStartDate?.toISOString() ?? null,
  });
  const schedule = toScheduleView(result.after, deps.config.managedSchedules, deps.now());
  return { schedule, audit: entry };
}

/** What the audit keeps of a schedule: enough to see what changed, nothing of its input. */
function snapshot(schedule: ScheduleDocument) {
  return {
    state: schedule.State,
    expression: schedule.ScheduleExpression,
    targetArn: schedule.Target.Arn,
    lastModified: schedule.LastModificationDate?.toISOString() ?? null,
    startDate: schedule.StartDate?.toISOString() ?? null,
    endDate: schedule.EndDate?.toISOString() ?? null,
  };
}

/** AWS rejects a past StartDate, so the write left it out: the audit says so in words. */
function outcomeDetail(change: ScheduleStateChange): string | undefined {
  if (!change.changed) return 'already in that state';
  if (!change.droppedStartDate) return undefined;
  return `start date ${change.droppedStartDate.toISOString()} dropped: it had passed`;
}

/** Scheduler accepts 1–64 characters; a retry of one tap sends the same token. */
function clientToken(user: string, key: string): string {
  return createHash('sha256').update(`${user}\n${key}`).digest('hex').slice(0, 64);
}
