import { isSandboxCloud } from '../../cloud/sandbox.ts';
import type { AppDeps } from '../../types.ts';
import { readDrillStates } from '../drills.ts';
import { infraDrills } from './drills.ts';

/**
 * Brings the in-memory sandbox in line with the drills stored as on. Nothing changes while
 * the set of drills stays the same, so what the technician does meanwhile (grow storage,
 * flush the logs) sticks; when the set changes, the sandbox is reset and every drill that is
 * on breaks it again from its own start time, and the sandbox is stored for a restart.
 * Does nothing on AWS.
 */
export async function syncInfraDrills(deps: AppDeps): Promise<void> {
  const { cloud } = deps;
  if (!isSandboxCloud(cloud)) return;
  const stored = await readDrillStates(deps.statePool);
  const on = infraDrills.flatMap((drill) => {
    const since = stored[drill.name]?.since;
    return since ? [{ drill, since: new Date(since) }] : [];
  });
  const signature = on.map(({ drill, since }) => `${drill.name}@${since.toISOString()}`).join();
  // "name@since" in registry order: the sandbox keeps it, so a restart does not reset it.
  if (cloud.drillsApplied.signature === signature) return;
  cloud.rds.drills.reset();
  cloud.ec2.drills.reset();
  cloud.cronHost.drills.reset();
  for (const { drill, since } of on) drill.breakSandbox(cloud, since);
  cloud.drillsApplied.signature = signature;
  await cloud.persist();
}
