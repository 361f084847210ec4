import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Probe, ProbeResult } from '../probes/types.ts';
import { createTestDeps, type RecordingPusher, type TestDeps } from '../testing/index.ts';
import { copySampleRows } from './fixtures.ts';
import { runWatcherOnce } from './run.ts';

let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

/** A probe that answers only when the test lets it, and says when it has started. */
function heldProbe() {
  let release: (result: ProbeResult) => void = () => undefined;
  let started = false;
  const probe: Probe = {
    name: 'slow', intervalSeconds: 60,
    run: () => new Promise<ProbeResult>((resolve) => {
      started = true;
      release = resolve;
    }),
  };
  return {
    probe,
    started: () => started,
    release: () => release({ findings: [{ category: 'gmail-token', resources: ['gmail'] }],
      summary: {} }),
  };
}

describe('the watcher with a slow probe', () => {
  it('pushes a Sync_error alert without waiting for a due probe, then the probe\'s own',
    async () => {
      const held = heldProbe();
      deps = await createTestDeps({ probes: [held.probe] });
      const d = deps;
      const pusher = d.pusher as RecordingPusher;
      await copySampleRows(d.statePool, 6, 20, new Date());

      const running = runWatcherOnce(d);
      await vi.waitFor(() => expect(pusher.sent).toHaveLength(1), { timeout: 10_000 });

      expect(pusher.sent[0]?.payload).toMatchObject({ card: '4.1', kind: 'alert' });
      // The probe starts after the Sync_error pass, a few queries later: it is still held.
      await vi.waitFor(() => expect(held.started()).toBe(true), { timeout: 10_000 });
      held.release();
      const report = await running;
      expect(report.probes?.ran).toEqual(['slow']);
      expect(report.pushed).toHaveLength(2);
      expect(pusher.sent.map((sent) => sent.payload.card)).toEqual(['4.1', '3.2']);
    });
});
