import type { Schedule } from '@turno/shared';
import { readDatabases, type DatabaseReading } from '../actions/grow-storage-view.ts';
import { pausedThroughTurno, type TurnoPaused } from '../actions/paused-by-turno.ts';
import { listPausedScheduleViews } from '../actions/schedule-view.ts';
import { errorFields } from '../log.ts';
import type { AppDeps, Logger } from '../types.ts';
import { sharedRead } from './shared-read.ts';

/**
 * How long Estado shows what it last read from RDS, CloudWatch and Scheduler. A change made
 * through Turno shows at once (it leaves an audit row); one made in the AWS console within this.
 */
export const cloudReadTtlMs = 10_000;

/** What Estado shows from the cloud, and who paused what through Turno (from the audit). */
export interface EstadoCloud {
  databases: DatabaseReading[];
  pausedSchedules: Schedule[];
  turnoPaused: TurnoPaused[];
}

/**
 * Estado's cloud reads, shared by the requests of `cloudReadTtlMs` rather than made by each:
 * RDS and CloudWatch once, Scheduler once plus a GetSchedule per paused schedule. Every action
 * writes the audit log after it acts, so each request passes the newest audit id it read
 * (`latestAuditIdStatement`) and a new one reads everything again: the next Estado read after
 * an action, in any container, shows it.
 */
export function estadoCloudReads(
  deps: AppDeps,
): (auditMark: string, log: Logger) => Promise<EstadoCloud> {
  const databases = sharedRead<DatabaseReading[]>(cloudReadTtlMs, deps.now);
  const schedules = sharedRead<Schedule[]>(cloudReadTtlMs, deps.now);
  const turno = sharedRead<TurnoPaused[]>(cloudReadTtlMs, deps.now);
  return async (mark, log) => {
    // A cloud that does not answer leaves its part empty rather than hiding the alerts.
    const [readings, paused, turnoPaused] = await Promise.all([
      orEmpty(log, 'databases', databases(mark, () => readDatabases(deps.cloud.rds))),
      orEmpty(log, 'schedules', schedules(mark, () => listPausedScheduleViews(
        deps.cloud.scheduler, deps.config.managedSchedules, deps.now(),
      ))),
      turno(mark, () => pausedThroughTurno(deps.statePool)),
    ]);
    return { databases: readings, pausedSchedules: paused, turnoPaused };
  };
}

async function orEmpty<T>(log: Logger, part: string, read: Promise<T[]>): Promise<T[]> {
  try {
    return await read;
  } catch (error) {
    log.warn('status.part_failed', { part, ...errorFields(error) });
    return [];
  }
}
