import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Probe, ProbeResult } from '../probes/types.ts';
import {
  createRecordingPusher, createTestDeps, type RecordingPusher, type TestDeps,
} from '../testing/index.ts';
import { copySampleRows } from '../watcher/fixtures.ts';
import { readWatcherStatus } from '../watcher/watcher-state.ts';
import { manualClock, type ManualClock } from './testing/manual-clock.ts';
import { createWatcherHandler } from './watcher.ts';

const opened: TestDeps[] = [];
/** Lets the held probe go and brings the invocations under test to their end. */
let finish: (() => Promise<unknown>) | undefined;

afterEach(async () => {
  await finish?.();
  finish = undefined;
  await Promise.all(opened.splice(0).map((deps) => deps.close()));
});

/** A probe that answers only when the test lets it, counting its starts. */
function heldProbe() {
  let release: ((result: ProbeResult) => void) | undefined;
  let starts = 0;
  const probe: Probe = {
    // Longer than any invocation here: a second run could only come from a second claim.
    name: 'slow', intervalSeconds: 600,
    run: () => new Promise<ProbeResult>((resolve) => {
      starts += 1;
      release = resolve;
    }),
  };
  return {
    probe,
    starts: () => starts,
    release: () => release?.({ findings: [{ category: 'gmail-token', resources: ['gmail'] }],
      summary: {} }),
  };
}

/** Moves the clock from sleep to sleep until every invocation has returned. */
async function runToEnd(clock: ManualClock, invocations: Array<Promise<unknown>>) {
  let done = false;
  const all = Promise.all(invocations).finally(() => {
    done = true;
  });
  while (!done) {
    await vi.waitFor(() => expect(done || clock.sleeping() > 0).toBe(true), { timeout: 20_000 });
    if (!done) clock.advanceToNext();
  }
  return all;
}

async function setUp(containers = 1) {
  const clock = manualClock();
  const start = Date.now();
  const held = heldProbe();
  const pusher = createRecordingPusher();
  const now = () => new Date(start + clock.now());
  const first = await createTestDeps({ probes: [held.probe], pusher, now });
  opened.push(first);
  const deps = [first];
  for (let more = 1; more < containers; more += 1) {
    const url = first.database?.url;
    const other = await createTestDeps({ probes: [held.probe], pusher, now, databaseUrl: url });
    opened.push(other);
    deps.push(other);
  }
  const handlers = deps.map((d) => createWatcherHandler({ deps: async () => d, clock }));
  const invoke = () => {
    const invocations = handlers.map((handler) => handler({}, clock.context(90_000)));
    finish = async () => {
      held.release();
      await runToEnd(clock, invocations).catch(() => undefined);
    };
    return invocations;
  };
  return { clock, held, pusher, deps: first, now, invoke };
}

const cards = (pusher: RecordingPusher) => pusher.sent.map((sent) => sent.payload.card);

describe('the watcher Lambda with a probe slower than its interval', () => {
  it('reads Sync_error every 10 s and pushes a spike while the probe is still out', async () => {
    const { clock, held, pusher, deps, now, invoke } = await setUp();

    const invocations = invoke();
    await vi.waitFor(() => {
      expect(held.starts()).toBe(1);
      // The Sync_error pass has run and waits for its next 10 s mark.
      expect(clock.sleeping()).toBe(1);
    }, { timeout: 10_000 });
    await copySampleRows(deps.statePool, 6, 20, now());
    clock.advanceToNext();
    await vi.waitFor(() => expect(pusher.sent).toHaveLength(1), { timeout: 10_000 });

    expect(clock.now()).toBe(10_000);
    expect(cards(pusher)).toEqual(['4.1']);
    await vi.waitFor(() => expect(clock.sleeping()).toBe(1), { timeout: 10_000 });
    clock.advanceToNext();
    await vi.waitFor(async () => {
      expect((await readWatcherStatus(deps.statePool)).lastRunAt).toEqual(now());
    }, { timeout: 10_000 });
    expect(clock.now()).toBe(20_000);

    held.release();
    const [result] = await runToEnd(clock, invocations);
    expect(result).toMatchObject({ runs: 6, failed: 0, probesFailed: 0 });
    expect(held.starts()).toBe(1);
    expect(cards(pusher)).toEqual(['4.1', '3.2']);
  });

  it('pushes each alert once and runs a due probe once when two invocations overlap',
    async () => {
      const { clock, held, pusher, deps, now, invoke } = await setUp(2);
      await copySampleRows(deps.statePool, 6, 20, now());

      const invocations = invoke();
      await vi.waitFor(() => expect(pusher.sent).toHaveLength(1), { timeout: 10_000 });
      await vi.waitFor(() => expect(held.starts()).toBe(1), { timeout: 10_000 });
      held.release();
      const results = await runToEnd(clock, invocations);

      expect(results).toMatchObject([{ runs: 6, failed: 0 }, { runs: 6, failed: 0 }]);
      expect(held.starts()).toBe(1);
      expect(cards(pusher)).toEqual(['4.1', '3.2']);
    });
});
