import { afterEach, describe, expect, it } from 'vitest';
import { statusResponse } from '@turno/shared';
import { createApp } from '../app.ts';
import { bearer, createTestDeps, signIn, type TestDeps } from '../testing/index.ts';
import { runWatcherOnce } from './run.ts';
import { watcherLate } from './watcher-state.ts';

let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

describe('watcherLate', () => {
  const ran = (at: string) => ({
    cursor: '1', lastRunAt: new Date(at), lastError: null, lastErrorAt: null,
  });

  it('is late once the last run is older than three intervals, not before', () => {
    const status = ran('2026-03-02T16:00:00Z');
    expect(watcherLate(status, 15, new Date('2026-03-02T16:00:45Z'))).toBe(false);
    expect(watcherLate(status, 15, new Date('2026-03-02T16:00:46Z'))).toBe(true);
  });

  it('is not late before its first run: Estado says it never ran', () => {
    const never = { cursor: null, lastRunAt: null, lastError: null, lastErrorAt: null };
    expect(watcherLate(never, 15, new Date())).toBe(false);
  });
});

describe('Estado\'s status payload', () => {
  it('says the watcher is late and which probes are overdue', async () => {
    const clock = { now: new Date('2026-03-02T16:00:00Z') };
    const probe = { name: 'rds', intervalSeconds: 60, run: async () => ({
      findings: [], summary: {},
    }) };
    deps = await createTestDeps({ now: () => clock.now, probes: [probe] });
    await runWatcherOnce(deps);
    const app = createApp(deps);
    const headers = bearer(await signIn(app, 'observador'));
    const status = async () => statusResponse.parse(
      await (await app.request('/api/status', { headers })).json(),
    );

    expect((await status()).watcher.late).toBe(false);
    expect((await status()).probes).toMatchObject([{ probe: 'rds', overdue: false }]);
    clock.now = new Date(clock.now.getTime() + 10 * 60_000);

    const later = await status();
    expect(later.watcher).toMatchObject({ late: true, intervalSeconds: 15 });
    expect(later.probes).toMatchObject([{ probe: 'rds', overdue: true }]);
  });
});
