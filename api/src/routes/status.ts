import { Hono } from 'hono';
import type { PausedSchedule, ProbeStatus, Schedule, StatusResponse } from '@turno/shared';
import { metricFields } from '../actions/grow-storage-view.ts';
import { pausedLong, type TurnoPaused } from '../actions/paused-by-turno.ts';
import { alertSummariesStatement } from '../alerts/alert-store.ts';
import { latestAuditIdStatement } from '../audit/audit-log.ts';
import { readTogether } from '../db/statements.ts';
import { databaseThresholds } from '../probes/infra/config.ts';
import { probeRunsStatement } from '../probes/probe-store.ts';
import type { ProbeRun } from '../probes/types.ts';
import { estadoCloudReads } from '../status/estado-cloud.ts';
import { estadoSnapshotStatement, lastActionAtStatement } from '../status/estado-snapshot.ts';
import type { AppDeps, AppEnv } from '../types.ts';
import { watcherLate, watcherStatusStatement } from '../watcher/watcher-state.ts';

/**
 * `/api/status`: what Estado shows in one call. Its state comes from PostgreSQL in one round
 * trip, its cloud readings from what the last few seconds read or, on AWS, from the snapshot
 * read in the same round trip while it is usable.
 */
export function statusRoutes(deps: AppDeps): Hono<AppEnv> {
  const readCloud = estadoCloudReads(deps);
  return new Hono<AppEnv>().get('/', async (c) => {
    const log = c.get('log') ?? deps.log;
    const [openAlerts, watcher, probes, auditMark, lastActionAt, snapshot] = await readTogether(
      deps.statePool, [
        alertSummariesStatement(['open', 'acknowledged']),
        watcherStatusStatement(),
        probeRunsStatement(deps.now()),
        latestAuditIdStatement(),
        lastActionAtStatement(),
        estadoSnapshotStatement(),
      ],
    );
    const cloud = await readCloud(auditMark, log, { snapshot, lastActionAt });
    const hours = deps.config.pausedReminderHours;
    const body: StatusResponse = {
      sandbox: deps.cloud.kind === 'sandbox',
      probes: probes.map(probeStatus),
      openAlerts,
      databases: cloud.databases.map(metricFields),
      databaseThresholds: databaseThresholds(deps.config.infra.rds),
      pausedSchedules: cloud.pausedSchedules
        .map((schedule) => withTurnoPause(schedule, cloud.turnoPaused, hours, deps.now())),
      pausedReminderHours: hours,
      cloudReadAt: cloud.readAt?.toISOString() ?? null,
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
