import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Probe, ProbeResult } from '../probes/types.ts';
import { createTestDeps, type RecordingPusher, type TestDeps } from '../testing/index.ts';
import { copySampleRows } from './fixtures.ts';
import { runWatcherOnce, type WatcherReport } from './run.ts';

let deps: TestDeps | undefined;
/** The watcher run under test: it must end before its pools do, even when the test fails. */
let stopWatcher: (() => Promise<unknown>) | undefined;

afterEach(async () => {
  await stopWatcher?.();
  await deps?.close();
  stopWatcher = undefined;
  deps = undefined;
});

/** A probe that answers only when the test lets it, and says when it has started. */
function heldProbe() {
  let release: ((result: ProbeResult) => void) | undefined;
  const probe: Probe = {
    name: 'slow', intervalSeconds: 60,
    run: () => new Promise<ProbeResult>((resolve) => {
      release = resolve;
    }),
  };
  return {
    probe,
    started: () => release !== undefined,
    release: () => release?.({ findings: [{ category: 'gmail-token', resources: ['gmail'] }],
      summary: {} }),
  };
}

/** Starts one watcher run whose end `afterEach` awaits, the held probe let go first. */
function startWatcher(d: TestDeps, held: ReturnType<typeof heldProbe>): Promise<WatcherReport> {
  let settled = false;
  const running = runWatcherOnce(d).finally(() => {
    settled = true;
  });
  stopWatcher = async () => {
    // The probe starts only after the run's database work: wait for it, or for a run that
    // ended without it, before letting it go.
    await vi.waitFor(() => expect(settled || held.started()).toBe(true), { timeout: 30_000 })
      .catch(() => undefined);
    held.release();
    await running.catch(() => undefined);
  };
  return running;
}

describe('the watcher with a slow probe', () => {
  it('pushes a Sync_error alert without waiting for a due probe, then the probe\'s own',
    async () => {
      const held = heldProbe();
      deps = await createTestDeps({ probes: [held.probe] });
      const d = deps;
      const pusher = d.pusher as RecordingPusher;
      await copySampleRows(d.statePool, 6, 20, new Date());

      const running = startWatcher(d, held);
      await vi.waitFor(() => expect(pusher.sent).toHaveLength(1), { timeout: 10_000 });

      expect(pusher.sent[0]?.payload).toMatchObject({ card: '4.1', kind: 'alert' });
      // Claiming the probe and the upkeep of the others come first: wait for it to start.
      await vi.waitFor(() => expect(held.started()).toBe(true), { timeout: 10_000 });
      expect(pusher.sent).toHaveLength(1);
      held.release();
      const report = await running;
      expect(report.probes?.ran).toEqual(['slow']);
      expect(report.pushed).toHaveLength(2);
      expect(pusher.sent.map((sent) => sent.payload.card)).toEqual(['4.1', '3.2']);
    });
});
