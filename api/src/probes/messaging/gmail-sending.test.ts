import { afterEach, describe, expect, it } from 'vitest';
import { retryDetailSchema } from '@turno/shared';
import { listAlerts } from '../../alerts/alert-store.ts';
import type { TestDeps } from '../../testing/index.ts';
import { insertSyncError } from '../../watcher/fixtures.ts';
import { runWatcherOnce } from '../../watcher/run.ts';
import { listProbeRuns } from '../probe-store.ts';
import { parseRetryAfter, retryWindow } from './gmail-retry.ts';
import { messagingDeps } from './testing/messaging-deps.ts';

const minute = 60_000;
const hour = 60 * minute;
let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

// Gmail's own words (integrations.md B.3, B.4): two spaces before "Retry after".
const rateLimited = (at: string) => `User-rate limit exceeded.  Retry after ${at}`;
const dailyQuota = 'Daily user sending quota exceeded.';

describe('retryWindow', () => {
  const at = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 16) + minutes * minute);

  it('reads the time Gmail names after "Retry after"', () => {
    expect(parseRetryAfter(rateLimited('2023-03-07T18:03:15.961Z'))?.toISOString())
      .toBe('2023-03-07T18:03:15.961Z');
    expect(parseRetryAfter('"User-rate limit exceeded."')).toBeNull();
  });

  it('takes the latest time Gmail named across the rows', () => {
    const window = retryWindow([
      { text: rateLimited('2026-03-02T16:30:00.000Z'), createdAt: at(0) },
      { text: rateLimited('2026-03-02T17:10:00.000Z'), createdAt: at(5) },
    ]);
    expect(window).toEqual({
      retryAt: '2026-03-02T17:10:00.000Z', basis: 'retry-after', since: at(0).toISOString(),
    });
  });

  it('waits 24 h from the first daily-quota error, when that is later', () => {
    const window = retryWindow([
      { text: rateLimited('2026-03-02T16:30:00.000Z'), createdAt: at(0) },
      { text: dailyQuota, createdAt: at(10) },
      { text: dailyQuota, createdAt: at(20) },
    ]);
    expect(window).toMatchObject({
      retryAt: new Date(at(10).getTime() + 24 * hour).toISOString(), basis: 'daily-quota',
    });
  });

  it('falls back on the runbook\'s 24 h when no row names a time', () => {
    const window = retryWindow([
      { text: 'Resource has been exhausted (e.g. check quota).', createdAt: at(3) },
    ]);
    expect(window).toMatchObject({
      retryAt: new Date(at(3).getTime() + 24 * hour).toISOString(), basis: 'runbook',
    });
    expect(retryWindow([])).toBeNull();
  });
});

describe('the gmail-sending probe', () => {
  async function setUp(clock: { now: Date }) {
    const rules = { 'gmail-saturated': { threshold: 2, windowSeconds: 900, quietSeconds: 3600 } };
    deps = await messagingDeps(['gmail-sending'], {
      now: () => clock.now, config: { alertRules: rules },
    });
    await runWatcherOnce(deps); // reads the seed rows first: only new rows count below
    return deps;
  }

  it('writes the retry time into the watcher\'s gmail-saturated alert on its next run',
    async () => {
      const clock = { now: new Date() };
      const d = await setUp(clock);
      clock.now = new Date(clock.now.getTime() + minute);
      const { now } = clock;
      const retryAt = new Date(now.getTime() + 2 * hour).toISOString();
      for (const ago of [4, 2]) {
        await insertSyncError(d.statePool, {
          text: rateLimited(retryAt), at: new Date(now.getTime() - ago * minute),
          functionName: 'up-send-mail',
        });
      }

      const report = await runWatcherOnce(d);

      expect(report.opened).toHaveLength(1);
      const alerts = await listAlerts(d.statePool, d.config.dataSources, ['open']);
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({ category: 'gmail-saturated', card: '3.1' });
      expect(retryDetailSchema.parse(alerts[0]?.detail)).toMatchObject({
        retryAt, basis: 'retry-after',
      });
      const runs = await listProbeRuns(d.statePool);
      expect(runs.find((run) => run.probe === 'gmail-sending')?.summary).toMatchObject({
        saturated: true, retryAt, waiting: true,
      });
    });

  it('counts down to the latest time Gmail named during a saturation of hundreds of rows',
    async () => {
      const clock = { now: new Date() };
      const d = await setUp(clock);
      const start = new Date(clock.now.getTime() + minute);
      // 700 failed sends, one every 5 s; each names a retry time a minute later than the last.
      await d.statePool.query(
        `INSERT INTO "Sync_error" (json_data, created_at, updated_at, data_source_id,
            function_name)
          SELECT to_json('User-rate limit exceeded.  Retry after ' || to_char(
              ($1::timestamptz + make_interval(mins => 60 + i)) AT TIME ZONE 'UTC',
              'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
            t, t, 1, 'up-send-mail'
          FROM generate_series(1, 700) AS i,
            LATERAL (SELECT ($1::timestamptz + make_interval(secs => 5 * i))
              AT TIME ZONE 'UTC' AS t) AS at`,
        [start],
      );
      clock.now = new Date(start.getTime() + 700 * 5_000 + minute);

      await runWatcherOnce(d);

      const [alert] = await listAlerts(d.statePool, d.config.dataSources, ['open']);
      expect(alert?.count).toBe(700);
      expect(retryDetailSchema.parse(alert?.detail)).toMatchObject({
        basis: 'retry-after',
        retryAt: new Date(start.getTime() + (60 + 700) * minute).toISOString(),
        since: new Date(start.getTime() + 5_000).toISOString(),
      });
    });

  it('says not saturated, and touches no alert, while none is open', async () => {
    const d = await setUp({ now: new Date() });
    const runs = await listProbeRuns(d.statePool);
    expect(runs.find((run) => run.probe === 'gmail-sending')?.summary)
      .toEqual({ saturated: false, retryAt: null });
    expect(await listAlerts(d.statePool, d.config.dataSources, ['open'])).toEqual([]);
  });
});
