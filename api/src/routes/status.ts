import { Hono } from 'hono';
import type { PausedSchedule, ProbeStatus, Schedule, StatusResponse } from '@turno/shared';
import { metricFields, readDatabases } from '../actions/grow-storage-view.ts';
import {
  pausedLong, pausedThroughTurno, type TurnoPaused,
} from '../actions/paused-by-turno.ts';
import { listPausedScheduleViews } from '../actions/schedule-view.ts';
import { listAlerts } from '../alerts/alert-store.ts';
import { errorFields } from '../log.ts';
import { listProbeRuns } from '../probes/probe-store.ts';
import type { ProbeRun } from '../probes/types.ts';
import type { AppDeps, AppEnv, Logger } from '../types.ts';
import { readWatcherStatus, watcherLate } from '../watcher/watcher-state.ts';

/** `/api/status`: what Estado shows in one call. */
export function statusRoutes(deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/', async (c) => {
    const log = c.get('log') ?? deps.log;
    // A cloud that does not answer leaves its part empty rather than hiding the alerts.
    const [openAlerts, databases, paused, watcher, probes, turnoPaused] = await Promise.all([
      listAlerts(deps.statePool, deps.config.dataSources, ['open', 'acknowledged']),
      orEmpty(log, 'databases', () => readDatabases(deps.cloud.rds)),
      orEmpty(log, 'schedules', () => listPausedScheduleViews(
        deps.cloud.scheduler, deps.config.managedSchedules, deps.now(),
      )),
      readWatcherStatus(deps.statePool),
      listProbeRuns(deps.statePool, deps.now()),
      pausedThroughTurno(deps.statePool),
    ]);
    const hours = deps.config.pausedReminderHours;
    const body: StatusResponse = {
      sandbox: deps.cloud.kind === 'sandbox',
      probes: probes.map(probeStatus),
      openAlerts,
      databases: databases.map(metricFields),
      pausedSchedules: paused
        .map((schedule) => withTurnoPause(schedule, turnoPaused, hours, deps.now())),
      pausedReminderHours: hours,
      watcher: {
        lastRunAt: watcher.lastRunAt?.toISOString() ?? null,
        lastError: watcher.lastError,
        intervalSeconds: deps.config.watchIntervalSeconds,
        late: watcherLate(watcher, deps.config.watchIntervalSeconds, deps.now()),
      },
    };
    return c.json(body);
  });
}

async function orEmpty<T>(log: Logger, part: string, read: () => Promise<T[]>): Promise<T[]> {
  try {
    return await read();
  } catch (error) {
    log.warn('status.part_failed', { part, ...errorFields(error) });
    return [];
  }
}

/** Who paused it through Turno and since when, null when it was paused elsewhere. */
function withTurnoPause(
  schedule: Schedule, paused: TurnoPaused[], hours: number, now: Date,
): PausedSchedule {
  const pause = paused.find((p) => p.group === schedule.group && p.name === schedule.name);
  return {
    ...schedule,
    turnoPause: pause ? {
      since: pause.since.toISOString(), by: pause.by, overdue: pausedLong(pause, hours, now),
    } : null,
  };
}

function probeStatus(run: ProbeRun): ProbeStatus {
  return {
    probe: run.probe,
    outcome: run.outcome,
    lastRunAt: run.lastRunAt?.toISOString() ?? null,
    nextRunAt: run.nextRunAt?.toISOString() ?? null,
    lastOkAt: run.lastOkAt?.toISOString() ?? null,
    lastFailure: run.lastFailure,
    failures: run.failures,
    summary: run.summary,
    overdue: run.overdue,
  };
}
