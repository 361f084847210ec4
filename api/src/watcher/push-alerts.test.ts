import { afterEach, describe, expect, it } from 'vitest';
import { minutes, setRotation } from '../notify/fixtures.ts';
import { createTestDeps, type RecordingPusher, type TestDeps } from '../testing/index.ts';
import { copySampleRows } from './fixtures.ts';
import { runWatcherOnce } from './run.ts';

let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

describe('the watcher’s pushes', () => {
  it('goes to the person on call and re-notifies them from the watcher loop', async () => {
    let clock = new Date();
    deps = await createTestDeps({ now: () => clock });
    const d = deps;
    const pusher = d.pusher as RecordingPusher;
    await setRotation(d.statePool, ['operador', 'admin'], clock);
    await runWatcherOnce(d);
    await copySampleRows(d.statePool, 6, 20, clock);

    const { opened } = await runWatcherOnce(d);
    clock = new Date(clock.getTime() + minutes(5));
    const later = await runWatcherOnce(d);

    expect(opened).toHaveLength(1);
    expect(later.escalated).toEqual([
      { alertId: opened[0], step: 1, kind: 'renotify', users: ['operador'] },
    ]);
    expect(pusher.sent.map((s) => [s.users, s.payload.kind, s.payload.alertId])).toEqual([
      [['operador'], 'alert', opened[0]],
      [['operador'], 'renotify', opened[0]],
    ]);
  });

  it('goes to every device, as one push, when no rotation is set', async () => {
    deps = await createTestDeps();
    const d = deps;
    await runWatcherOnce(d);
    await copySampleRows(d.statePool, 6, 20, new Date());

    await runWatcherOnce(d);

    expect((d.pusher as RecordingPusher).sent.map((s) => s.users)).toEqual([undefined]);
  });
});
