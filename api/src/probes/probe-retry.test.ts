import { afterEach, describe, expect, it } from 'vitest';
import { listAlerts } from '../alerts/alert-store.ts';
import { createTestDeps, type TestDeps } from '../testing/index.ts';
import type { AppConfig } from '../types.ts';
import { listProbeRuns } from './probe-store.ts';
import { runDueProbes } from './run-probes.ts';
import { scriptedProbe } from './testing/scripted-probe.ts';

const second = 1000;
const minute = 60 * second;
let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

/** A Gmail-like probe, every 15 min, over a clock the test moves. */
async function setUp(config: Partial<AppConfig> = {}, intervalSeconds = 900) {
  const start = Date.now();
  let at = start;
  const scripted = scriptedProbe('gmail', intervalSeconds);
  deps = await createTestDeps({ probes: [scripted.probe], now: () => new Date(at), config });
  const d = deps;
  const runAt = (afterMs: number) => {
    at = start + afterMs;
    return runDueProbes(d, new Date(at));
  };
  const alerts = async () => (await listAlerts(d.statePool, d.config.dataSources))
    .filter((alert) => alert.state !== 'resolved').map((alert) => alert.key);
  return { scripted, runAt, alerts, d, start };
}

describe('a probe that fails', () => {
  it('runs again a minute after its first failure and alerts when that fails too',
    async () => {
      const { scripted, runAt, alerts, d, start } = await setUp();
      scripted.fail('token endpoint did not answer');

      expect(await runAt(0)).toMatchObject({ failed: ['gmail'], opened: [] });
      const [run] = await listProbeRuns(d.statePool);
      expect(run?.nextRunAt).toEqual(new Date(start + minute));
      await runAt(30 * second);
      expect(scripted.probe.runs).toBe(1);

      const retried = await runAt(minute);
      expect(scripted.probe.runs).toBe(2);
      expect(retried.opened).toHaveLength(1);
      expect(await alerts()).toEqual(['probe-failed:gmail']);
    });

  it('goes back to its own interval, with no alert, when the retry works', async () => {
    const { scripted, runAt, alerts } = await setUp();
    scripted.fail('token endpoint did not answer');
    await runAt(0);
    scripted.answer({ findings: [], summary: { token: 'ok' } });

    await runAt(minute);
    await runAt(minute + 14 * minute);
    expect(scripted.probe.runs).toBe(2);
    await runAt(minute + 15 * minute);

    expect(scripted.probe.runs).toBe(3);
    expect(await alerts()).toEqual([]);
  });

  it('keeps its own interval while its alert is open', async () => {
    const { scripted, runAt } = await setUp();
    scripted.fail('token endpoint did not answer');
    await runAt(0);
    await runAt(minute);

    await runAt(2 * minute);
    await runAt(minute + 14 * minute);
    expect(scripted.probe.runs).toBe(2);
    await runAt(minute + 15 * minute);
    expect(scripted.probe.runs).toBe(3);
  });

  it('waits PROBE_RETRY_S before its retry', async () => {
    const { scripted, runAt, alerts } = await setUp({ probeRetrySeconds: 300 });
    scripted.fail('token endpoint did not answer');
    await runAt(0);

    await runAt(4 * minute);
    expect(scripted.probe.runs).toBe(1);
    await runAt(5 * minute);

    expect(scripted.probe.runs).toBe(2);
    expect(await alerts()).toEqual(['probe-failed:gmail']);
  });

  it('is not retried later than its own interval would run it', async () => {
    const { scripted, runAt } = await setUp({}, 30);
    scripted.fail('token endpoint did not answer');
    await runAt(0);

    await runAt(30 * second);

    expect(scripted.probe.runs).toBe(2);
  });
});
