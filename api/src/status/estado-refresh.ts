import { latestAuditIdStatement } from '../audit/audit-log.ts';
import { readTogether } from '../db/statements.ts';
import { errorFields } from '../log.ts';
import type { AppDeps } from '../types.ts';
import { keepsSnapshot, liveReads } from './estado-cloud.ts';
import {
  claimSnapshotRefresh, lastActionAtStatement, saveSnapshotPart, settled, snapshotParts,
} from './estado-snapshot.ts';

/**
 * The watcher's part in Estado: once a minute (one watcher, if two run at once) it reads what
 * Estado shows from AWS and stores it, so a technician who opens the app at night gets an api
 * container that answers from PostgreSQL alone. The audit mark is read before AWS is: an
 * action in between leaves the reading with an older mark, which Estado will not use; nor is
 * a reading stored in the seconds after an action (`snapshotSettleMs`). A part that fails is
 * logged and left as it was: Estado then reads it live.
 */
export async function refreshEstadoSnapshot(deps: AppDeps, now: Date): Promise<string[]> {
  if (!keepsSnapshot(deps) || !await claimSnapshotRefresh(deps.statePool, now)) return [];
  const readAt = deps.now();
  const [mark, lastActionAt] = await readTogether(deps.statePool, [
    latestAuditIdStatement(), lastActionAtStatement(),
  ]);
  // Estado reads live meanwhile; the next refresh, or a live read once settled, stores it.
  if (!settled(lastActionAt, readAt)) return [];
  const reads = liveReads(deps);
  const saved = await Promise.all(snapshotParts.map(async (part) => {
    try {
      const value = await reads[part]();
      await saveSnapshotPart(deps.statePool, part, { value, readAt, mark });
      return [part];
    } catch (error) {
      deps.log.warn('watcher.snapshot_part_failed', { part, ...errorFields(error) });
      return [];
    }
  }));
  return saved.flat();
}
