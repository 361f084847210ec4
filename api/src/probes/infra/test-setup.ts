import { listAlerts } from '../../alerts/alert-store.ts';
import { createSandboxCloud, type SandboxCloud } from '../../cloud/sandbox.ts';
import { createTestDeps, type TestDeps } from '../../testing/index.ts';
import { listProbeRuns } from '../probe-store.ts';
import { runDueProbes } from '../run-probes.ts';
import type { Probe } from '../types.ts';
import { defaultInfraConfig, type InfraConfig } from './config.ts';
import type { CommandWait } from './cron-command.ts';

export interface InfraTest {
  deps: TestDeps;
  cloud: SandboxCloud;
  clock: { now: Date };
  advance(ms: number): void;
  run(): ReturnType<typeof runDueProbes>;
  alerts(): ReturnType<typeof listAlerts>;
  lastRun(probe: string): Promise<Awaited<ReturnType<typeof listProbeRuns>>[number] | undefined>;
}

/**
 * Test support: the probes `make` builds, over a sandbox cloud (fixed metrics) and a fresh
 * database on one fake clock. Waiting on a cron command moves that clock, so the sandbox's
 * commands finish without real sleeps.
 */
export async function setUpInfra(
  make: (config: InfraConfig, wait: CommandWait) => Probe[],
  config: InfraConfig = defaultInfraConfig(),
): Promise<InfraTest> {
  const clock = { now: new Date() };
  const advance = (ms: number) => { clock.now = new Date(clock.now.getTime() + ms); };
  const wait: CommandWait = { sleep: async (ms) => advance(ms), pollMs: 1_000, attempts: 15 };
  const cloud = createSandboxCloud({ now: () => clock.now, random: () => 0.5 });
  const deps = await createTestDeps({ cloud, now: () => clock.now, probes: make(config, wait) });
  return {
    deps, cloud, clock, advance,
    run: () => runDueProbes(deps, clock.now),
    alerts: () => listAlerts(deps.statePool, deps.config.dataSources),
    lastRun: async (probe) => (await listProbeRuns(deps.statePool)).find((r) => r.probe === probe),
  };
}
