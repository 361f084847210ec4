import { retryDetailSchema } from '@turno/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { listAlerts } from '../alerts/alert-store.ts';
import { findDrill, setDrill } from '../probes/drills.ts';
import { createGmailSendingProbe } from '../probes/messaging/gmail-sending.ts';
import { createTestDeps, testConfig, type TestDeps } from '../testing/index.ts';
import { writeDrillRows } from './drill-rows.ts';
import { runWatcherOnce } from './run.ts';

const minute = 60_000;
const hour = 60 * minute;
let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

async function setUp() {
  const clock = { now: new Date('2026-03-02T16:00:00Z') };
  const probes = [createGmailSendingProbe(testConfig().messaging.gmail)];
  deps = await createTestDeps({ now: () => clock.now, probes });
  const d = deps;
  await runWatcherOnce(d); // the seed rows are history: only the drill's rows count below
  const advance = (ms: number) => { clock.now = new Date(clock.now.getTime() + ms); };
  const turn = async (name: string, on: boolean) => {
    const drill = findDrill(name);
    if (!drill) throw new Error(`no drill ${name}`);
    await setDrill(d, drill, on, clock.now);
  };
  const rows = async () => (await d.statePool.query<{ fn: string | null; text: unknown }>(
    `SELECT function_name AS fn, json_data AS text FROM "Sync_error"
      WHERE created_at > '2025-01-01' ORDER BY id`,
  )).rows;
  const open = () => listAlerts(d.statePool, d.config.dataSources, ['open']);
  return { d, clock, advance, turn, rows, open };
}

describe('Sync_error drills in the sandbox', () => {
  it('gmail-saturated opens card 3.1 with a two-hour countdown on the next watcher run',
    async () => {
      const { d, clock, turn, open } = await setUp();
      const since = clock.now;

      await turn('gmail-saturated', true);
      const report = await runWatcherOnce(d);

      expect(report.opened).toHaveLength(1);
      const [alert] = await open();
      expect(alert).toMatchObject({ category: 'gmail-saturated', card: '3.1' });
      expect(retryDetailSchema.parse(alert?.detail)).toMatchObject({
        basis: 'retry-after', retryAt: new Date(since.getTime() + 2 * hour).toISOString(),
      });
      expect(report.probes?.ran).toEqual(['gmail-sending']);
    });

  it('guardian-user-blocked opens card 2.1 for Guardian, one row per run while it is on',
    async () => {
      const { d, advance, turn, rows, open } = await setUp();

      await turn('guardian-user-blocked', true);
      const report = await runWatcherOnce(d);
      const first = await rows();
      advance(5 * minute);
      await runWatcherOnce(d);

      expect(report.opened).toHaveLength(1);
      expect(await open()).toMatchObject([{
        key: 'provider-forbidden:Guardian', card: '2.1', resources: ['linde-guardian-positions'],
      }]);
      expect(first).toHaveLength(3);
      expect(first[0]).toEqual({
        fn: 'linde-guardian-positions', text: 'Request failed with status code 403',
      });
      expect(await rows()).toHaveLength(8);
      expect((await open())[0]?.count).toBe(8);
    });

  it('mix-password-changed opens card 2.2 for MiX with its three functions', async () => {
    const { d, turn, open } = await setUp();

    await turn('mix-password-changed', true);
    await runWatcherOnce(d);

    expect(await open()).toMatchObject([{
      key: 'provider-unauthorized:MIX', card: '2.2', count: 9,
      resources: [
        'linde-mix-get-active-events', 'linde-mix-get-events', 'linde-mix-get-positions',
      ],
    }]);
  });

  it('stops the rows of a function whose schedule is paused, and of a drill turned off',
    async () => {
      const { d, advance, turn, rows } = await setUp();
      await turn('mix-password-changed', true);
      await runWatcherOnce(d);
      const schedule = await d.cloud.scheduler.getSchedule('default', 'linde-mix-get-events');
      if (!schedule) throw new Error('no schedule');
      const { Arn: _arn, CreationDate: _c, LastModificationDate: _m, ...update } = schedule;
      await d.cloud.scheduler.updateSchedule({ ...update, State: 'DISABLED' });

      advance(2 * minute);
      await runWatcherOnce(d);
      const paused = (await rows()).filter((row) => row.fn === 'linde-mix-get-events');
      await turn('mix-password-changed', false);
      advance(10 * minute);
      await runWatcherOnce(d);

      expect(paused).toHaveLength(3);
      expect(await rows()).toHaveLength(9 + 2 * 2);
    });

  it('writes each run once when two watchers write at the same time', async () => {
    const { d, clock, turn, rows } = await setUp();
    await turn('guardian-user-blocked', true);

    const written = await Promise.all([
      writeDrillRows(d, clock.now), writeDrillRows(d, clock.now),
    ]);

    expect(written.sort()).toEqual([0, 3]);
    expect(await rows()).toHaveLength(3);
    // A watcher whose clock is a minute behind neither writes nor moves the progress back.
    expect(await writeDrillRows(d, new Date(clock.now.getTime() - minute))).toBe(0);
    expect(await writeDrillRows(d, new Date(clock.now.getTime() + minute))).toBe(1);
  });

  it('writes nothing into a Sync_error that is UP\'s, not the sandbox\'s', async () => {
    const { d, clock, turn, rows } = await setUp();
    await turn('guardian-user-blocked', true);
    const apart = { ...d, config: { ...d.config, syncError: {
      ...d.config.syncError, inStateDatabase: false,
    } } };

    expect(await writeDrillRows(apart, clock.now)).toBe(0);
    expect(await writeDrillRows({ ...d, cloud: { ...d.cloud, kind: 'aws' } }, clock.now))
      .toBe(0);
    expect(await rows()).toEqual([]);
    expect(await writeDrillRows(d, clock.now)).toBe(3);
  });
});
