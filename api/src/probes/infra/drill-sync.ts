import { isSandboxCloud, type SandboxCloud } from '../../cloud/sandbox.ts';
import type { AppDeps } from '../../types.ts';
import { readDrillStates } from '../drills.ts';
import { infraDrills } from './drills.ts';

/** Per sandbox, the drills last put into it: "name@since" in registry order. */
const applied = new WeakMap<SandboxCloud, string>();

/**
 * Brings the in-memory sandbox in line with the drills stored as on. Nothing changes while
 * the set of drills stays the same, so what the technician does meanwhile (grow storage,
 * flush the logs) sticks; when the set changes, the sandbox is reset and every drill that is
 * on breaks it again from its own start time. Does nothing on AWS.
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
  if ((applied.get(cloud) ?? '') === signature) return;
  cloud.rds.drills.reset();
  cloud.ec2.drills.reset();
  cloud.cronHost.drills.reset();
  for (const { drill, since } of on) drill.breakSandbox(cloud, since);
  applied.set(cloud, signature);
}
