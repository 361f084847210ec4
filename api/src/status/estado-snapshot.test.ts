import { afterEach, describe, expect, it } from 'vitest';
import { statusResponse, type StatusResponse } from '@turno/shared';
import { createApp } from '../app.ts';
import { createSandboxCloud } from '../cloud/sandbox.ts';
import type { Cloud } from '../cloud/types.ts';
import { bearer, createTestDeps, signIn, type TestDeps } from '../testing/index.ts';
import { runProbePass } from '../watcher/run.ts';
import { refreshEstadoSnapshot } from './estado-refresh.ts';
import { cloudReadTtlMs } from './estado-cloud.ts';
import {
  clockSkewMs, snapshotFreshMs, snapshotRefreshMs, snapshotSettleMs,
} from './estado-snapshot.ts';
import { countingCloud } from './testing/counting-cloud.ts';

let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

const schedule = 'linde-mix-get-events';

/**
 * The sandbox dressed as AWS (where Estado keeps its snapshot), on a clock the test moves,
 * counting reads of RDS and Scheduler. Each `container()` is a new api container: a new app
 * with nothing read yet, over the same database.
 */
async function setUp(kind: Cloud['kind'] = 'aws') {
  let clock = new Date('2026-03-02T16:00:00Z').getTime();
  const now = () => new Date(clock);
  const sandbox = createSandboxCloud({ now, random: () => 0.5 });
  const { cloud, reads } = countingCloud(sandbox, kind);
  const made = await createTestDeps({ cloud, now });
  deps = made;
  const container = () => {
    const app = createApp(made);
    return {
      estado: async (): Promise<StatusResponse> => {
        const headers = bearer(await signIn(app, 'observador'));
        const response = await app.request('/api/status', { headers });
        expect(response.status).toBe(200);
        return statusResponse.parse(await response.json());
      },
      pause: async (name: string) => app.request(`/api/schedules/default/${name}/pause`, {
        method: 'POST', headers: bearer(await signIn(app, 'operador')),
      }),
    };
  };
  const advance = (ms: number) => { clock += ms; };
  const stored = async () => (await made.statePool.query<{ part: string; read_at: Date }>(
    'SELECT part, read_at FROM turno.estado_snapshot ORDER BY part')).rows;
  return { deps: made, sandbox, reads, container, advance, now, stored };
}

const pausedNames = (status: StatusResponse) => status.pausedSchedules.map((s) => s.name);
/** A container shares a reading for `cloudReadTtlMs`: it takes one only this young. */
const usableFor = snapshotFreshMs - cloudReadTtlMs;

describe('Estado on AWS with the snapshot the watcher keeps', () => {
  it('answers a new container from the watcher\'s reading without asking AWS', async () => {
    const { deps: d, reads, container, now, advance } = await setUp();
    const readAt = now();
    await refreshEstadoSnapshot(d, now());
    expect(reads).toMatchObject({ rds: 1, scheduler: 1 });
    advance(usableFor - 1);

    const status = await container().estado();

    expect(reads).toMatchObject({ rds: 1, scheduler: 1 });
    expect(status.databases.map((db) => db.id))
      .toEqual(['flotas-develop', 'flotas-develop-replica']);
    expect(status.cloudReadAt).toBe(readAt.toISOString());
  });

  it('reads AWS once the reading is too old, and stores the new one for the next container',
    async () => {
      const { deps: d, reads, container, now, advance } = await setUp();
      await refreshEstadoSnapshot(d, now());
      advance(usableFor);

      const first = await container().estado();
      const second = await container().estado();

      expect(reads).toMatchObject({ rds: 2, scheduler: 2 });
      expect(first.cloudReadAt).toBe(now().toISOString());
      expect(second.cloudReadAt).toBe(first.cloudReadAt);
    });

  it('reads AWS when anything was done through Turno after the reading began', async () => {
    const { deps: d, reads, container, now } = await setUp();
    await refreshEstadoSnapshot(d, now());
    const phone = container();
    expect(pausedNames(await phone.estado())).not.toContain(schedule);

    expect((await container().pause(schedule)).status).toBe(200);
    const status = await phone.estado();

    expect(pausedNames(status)).toContain(schedule);
    expect(reads.scheduler).toBeGreaterThan(1);
  });

  it('keeps a schedule paused in the console out of sight until the next refresh', async () => {
    const { deps: d, sandbox, container, now, advance } = await setUp();
    await refreshEstadoSnapshot(d, now());
    const document = await sandbox.scheduler.getSchedule('default', schedule);
    if (!document) throw new Error(`the sandbox has no ${schedule}`);
    await sandbox.scheduler.updateSchedule({ ...document, State: 'DISABLED' });

    const before = await container().estado();
    advance(snapshotRefreshMs);
    await refreshEstadoSnapshot(d, now());
    const after = await container().estado();

    expect(pausedNames(before)).not.toContain(schedule);
    expect(pausedNames(after)).toContain(schedule);
  });

  it('ignores a reading stored by a release of another format', async () => {
    const { deps: d, reads, container, now } = await setUp();
    await refreshEstadoSnapshot(d, now());
    await d.statePool.query('UPDATE turno.estado_snapshot SET format = format + 1');

    await container().estado();

    expect(reads).toMatchObject({ rds: 2, scheduler: 2 });
  });
  it('never shows a reading older than 90 s, even one a container shared', async () => {
    const { deps: d, reads, container, now, advance } = await setUp();
    await refreshEstadoSnapshot(d, now());
    advance(usableFor - 1);
    const phone = container();
    await phone.estado();
    advance(cloudReadTtlMs);

    const status = await phone.estado();

    expect(reads).toMatchObject({ rds: 2, scheduler: 2 });
    expect(status.cloudReadAt).toBe(now().toISOString());
  });

  it('keeps a reading made just after an action to its own container until AWS settles',
    async () => {
      const { deps: d, reads, container, now, advance } = await setUp();
      await refreshEstadoSnapshot(d, now());
      expect((await container().pause(schedule)).status).toBe(200);

      await container().estado();
      await container().estado();
      const soon = reads.scheduler;
      advance(snapshotSettleMs);
      await container().estado();
      await container().estado();

      expect(soon).toBe(3);
      expect(reads.scheduler).toBe(4);
    });

  it('takes a reading stamped a little ahead, and replaces one stamped far ahead',
    async () => {
      const { deps: d, reads, container, now, advance } = await setUp();
      advance(clockSkewMs);
      await refreshEstadoSnapshot(d, now());
      advance(-clockSkewMs);
      await container().estado();
      expect(reads.rds).toBe(1);

      await d.statePool.query(`UPDATE turno.estado_snapshot SET read_at = $1`,
        [new Date(now().getTime() + 3_600_000)]);
      await container().estado();
      await container().estado();

      expect(reads.rds).toBe(2);
    });
});

describe('the watcher refreshing the snapshot', () => {
  it('reads AWS once for two watchers at once, and again only after the refresh interval',
    async () => {
      const { deps: d, reads, now, advance } = await setUp();

      const both = await Promise.all([refreshEstadoSnapshot(d, now()),
        refreshEstadoSnapshot(d, now())]);
      advance(snapshotRefreshMs - 1);
      const early = await refreshEstadoSnapshot(d, now());
      advance(1);
      const due = await refreshEstadoSnapshot(d, now());

      expect(both.map((parts) => parts.length).sort()).toEqual([0, 2]);
      expect(early).toEqual([]);
      expect(due).toEqual(['databases', 'paused-schedules']);
      expect(reads).toMatchObject({ rds: 2, scheduler: 2 });
    });

  it('keeps the part that was read when the other fails, and Estado reads that one live',
    async () => {
      const { deps: d, reads, container, now, stored } = await setUp();
      reads.failRds = true;

      const saved = await refreshEstadoSnapshot(d, now());
      reads.failRds = false;
      const status = await container().estado();

      expect(saved).toEqual(['paused-schedules']);
      expect(reads).toMatchObject({ rds: 2, scheduler: 1 });
      expect(status.databases).toHaveLength(2);
      expect((await stored()).map((row) => row.part)).toEqual(['databases', 'paused-schedules']);
    });

  it('stores nothing in the seconds after an action, and the next refresh stores it',
    async () => {
      const { deps: d, container, now, advance, stored } = await setUp();
      expect((await container().pause(schedule)).status).toBe(200);

      const soon = await refreshEstadoSnapshot(d, now());
      advance(snapshotRefreshMs);
      const later = await refreshEstadoSnapshot(d, now());

      expect(soon).toEqual([]);
      expect(later).toEqual(['databases', 'paused-schedules']);
      expect((await stored()).map((row) => row.part)).toEqual(['databases', 'paused-schedules']);
    });

  it('is part of the watcher\'s probe pass', async () => {
    const { deps: d, now, stored } = await setUp();

    await runProbePass(d, now());

    expect((await stored()).map((row) => row.part)).toEqual(['databases', 'paused-schedules']);
  });

  it('is not kept for the sandbox, which Estado reads in the process', async () => {
    const { deps: d, reads, container, now, stored } = await setUp('sandbox');

    await refreshEstadoSnapshot(d, now());
    await container().estado();
    await container().estado();

    expect(await stored()).toEqual([]);
    expect(reads).toMatchObject({ rds: 2, scheduler: 2 });
  });
});
