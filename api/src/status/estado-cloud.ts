import type { Schedule } from '@turno/shared';
import { readDatabases, type DatabaseReading } from '../actions/grow-storage-view.ts';
import { pausedThroughTurno, type TurnoPaused } from '../actions/paused-by-turno.ts';
import { listPausedScheduleViews } from '../actions/schedule-view.ts';
import { errorFields } from '../log.ts';
import type { AppDeps, Logger } from '../types.ts';
import {
  saveSnapshotPart, settled, snapshotFreshMs, usableReading, type CloudReading,
  type EstadoSnapshot, type SnapshotPart, type SnapshotParts,
} from './estado-snapshot.ts';
import { sharedRead, type SharedRead } from './shared-read.ts';

/**
 * How long a container shares what it read from RDS, CloudWatch and Scheduler. A change made
 * through Turno shows at once (it leaves an audit row); one made in the AWS console within
 * this on the sandbox, and within `snapshotFreshMs` on AWS, where the snapshot is read.
 */
export const cloudReadTtlMs = 10_000;

/** A stored reading shared for `cloudReadTtlMs` is never shown older than `snapshotFreshMs`. */
const snapshotMaxAgeMs = snapshotFreshMs - cloudReadTtlMs;

/** What Estado shows from the cloud, and who paused what through Turno (from the audit). */
export interface EstadoCloud {
  databases: DatabaseReading[];
  pausedSchedules: Schedule[];
  turnoPaused: TurnoPaused[];
  /** When the oldest of the cloud parts shown was read; null when none was. */
  readAt: Date | null;
}

/**
 * On AWS, Estado's cloud parts come from the snapshot the watcher keeps (estado-snapshot.ts):
 * a cold container then answers without loading an SDK client. The sandbox lives in the
 * process, where a read costs nothing and a drill moves its metrics by the second.
 */
export function keepsSnapshot(deps: Pick<AppDeps, 'cloud'>): boolean {
  return deps.cloud.kind === 'aws';
}

type LiveReads = { [P in SnapshotPart]: () => Promise<SnapshotParts[P]> };

/** Each part read from the cloud itself. */
export function liveReads(deps: AppDeps): LiveReads {
  return {
    'databases': () => readDatabases(deps.cloud.rds),
    'paused-schedules': () => listPausedScheduleViews(
      deps.cloud.scheduler, deps.config.managedSchedules, deps.now(),
    ),
  };
}

/**
 * Estado's cloud reads, shared by the requests of `cloudReadTtlMs` rather than made by each:
 * RDS and CloudWatch once, Scheduler once plus a GetSchedule per paused schedule, or none of
 * them while the snapshot is usable. Every action writes the audit log after it acts, so each
 * request passes the newest audit id it read (`latestAuditIdStatement`) and a new one reads
 * everything again: the next Estado read after an action, in any container, shows it.
 */
/** What the request read from PostgreSQL about the snapshot and the last action. */
export interface StoredState {
  snapshot: EstadoSnapshot;
  lastActionAt: Date | null;
}

export function estadoCloudReads(
  deps: AppDeps,
): (auditMark: string, log: Logger, stored?: StoredState) => Promise<EstadoCloud> {
  const databases = sharedRead<CloudReading<DatabaseReading[]>>(cloudReadTtlMs, deps.now);
  const schedules = sharedRead<CloudReading<Schedule[]>>(cloudReadTtlMs, deps.now);
  const turno = sharedRead<TurnoPaused[]>(cloudReadTtlMs, deps.now);
  const live = liveReads(deps);
  const keeps = keepsSnapshot(deps);
  return async (mark, log, stored = { snapshot: {}, lastActionAt: null }) => {
    const part = <P extends SnapshotPart>(name: P, shared: SharedRead<CloudReading<
      SnapshotParts[P]>>) => orEmpty(log, name, shared(mark, () => {
      const kept = stored.snapshot[name] as CloudReading<SnapshotParts[P]> | undefined;
      if (keeps && usableReading(kept, mark, deps.now(), snapshotMaxAgeMs)) {
        return Promise.resolve(kept);
      }
      return readLive(deps, log, name, mark, live[name], stored.lastActionAt);
    }));
    // A cloud that does not answer leaves its part empty rather than hiding the alerts.
    const [readings, paused, turnoPaused] = await Promise.all([
      part('databases', databases),
      part('paused-schedules', schedules),
      turno(mark, () => pausedThroughTurno(deps.statePool)),
    ]);
    const times = [readings, paused].flatMap((reading) => reading ? [reading.readAt] : []);
    return {
      databases: readings?.value ?? [],
      pausedSchedules: paused?.value ?? [],
      turnoPaused,
      readAt: times.length ? new Date(Math.min(...times.map((at) => at.getTime()))) : null,
    };
  };
}

/**
 * A part read from the cloud, then stored for the containers that start after this one,
 * unless the last action was too recent for AWS to show it everywhere (`snapshotSettleMs`).
 */
async function readLive<P extends SnapshotPart>(
  deps: AppDeps, log: Logger, part: P, mark: string, read: () => Promise<SnapshotParts[P]>,
  lastActionAt: Date | null,
): Promise<CloudReading<SnapshotParts[P]>> {
  const reading = { readAt: deps.now(), mark, value: await read() };
  if (keepsSnapshot(deps) && settled(lastActionAt, reading.readAt)) {
    await saveSnapshotPart(deps.statePool, part, reading).catch((error: unknown) => {
      log.warn('status.snapshot_unsaved', { part, ...errorFields(error) });
    });
  }
  return reading;
}

async function orEmpty<T>(log: Logger, part: string, read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    log.warn('status.part_failed', { part, ...errorFields(error) });
    return undefined;
  }
}
