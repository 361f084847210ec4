import { afterEach, describe, expect, it } from 'vitest';
import { statusResponse, type StatusResponse } from '@turno/shared';
import { createApp } from '../app.ts';
import { createSandboxCloud } from '../cloud/sandbox.ts';
import { cloudReadTtlMs } from '../status/estado-cloud.ts';
import { countingCloud } from '../status/testing/counting-cloud.ts';
import { bearer, createTestDeps, signIn, type TestDeps } from '../testing/index.ts';

let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

const schedule = 'linde-mix-get-events';

/** A sandbox on a clock the test moves, counting Estado's reads of RDS and Scheduler. */
async function setUp() {
  let clock = new Date('2026-03-02T16:00:00Z').getTime();
  const now = () => new Date(clock);
  const sandbox = createSandboxCloud({ now, random: () => 0.5 });
  const { cloud, reads } = countingCloud(sandbox);
  deps = await createTestDeps({ cloud, now });
  const app = createApp(deps);
  const as = async (user: string) => bearer(await signIn(app, user));
  const estado = async (): Promise<StatusResponse> => {
    const response = await app.request('/api/status', { headers: await as('observador') });
    expect(response.status).toBe(200);
    return statusResponse.parse(await response.json());
  };
  const post = async (path: string, user: string, body?: unknown) => app.request(path, {
    method: 'POST',
    headers: { ...(await as(user)), 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const advance = (ms: number) => { clock += ms; };
  return { sandbox, reads, estado, post, advance };
}

const pausedNames = (status: StatusResponse) => status.pausedSchedules.map((s) => s.name);

describe('GET /api/status and the cloud', () => {
  it('reads RDS and Scheduler once for the Estado reads of a few seconds', async () => {
    const { reads, estado, advance } = await setUp();

    await Promise.all([estado(), estado()]);
    advance(cloudReadTtlMs - 1);
    await estado();

    expect(reads).toMatchObject({ rds: 1, scheduler: 1 });
    advance(1);
    await estado();
    expect(reads).toMatchObject({ rds: 2, scheduler: 2 });
  });

  it('shows a change made in the AWS console once its reading is older than the cache',
    async () => {
      const { sandbox, estado, advance } = await setUp();
      expect(pausedNames(await estado())).not.toContain(schedule);
      const document = await sandbox.scheduler.getSchedule('default', schedule);
      if (!document) throw new Error(`the sandbox has no ${schedule}`);
      await sandbox.scheduler.updateSchedule({ ...document, State: 'DISABLED' });

      const soon = await estado();
      advance(cloudReadTtlMs);
      const later = await estado();

      expect(pausedNames(soon)).not.toContain(schedule);
      expect(pausedNames(later)).toContain(schedule);
    });

  it('shows a schedule paused through Turno on the very next read', async () => {
    const { estado, post } = await setUp();
    expect(pausedNames(await estado())).not.toContain(schedule);

    const paused = await post(`/api/schedules/default/${schedule}/pause`, 'operador');
    const status = await estado();

    expect(paused.status).toBe(200);
    const shown = status.pausedSchedules.find((s) => s.name === schedule);
    expect(shown).toMatchObject({ state: 'DISABLED', turnoPause: { by: 'operador' } });
  });

  it('shows storage grown through Turno on the very next read', async () => {
    const { estado, post } = await setUp();
    const before = (await estado()).databases.find((db) => db.id === 'flotas-develop');
    expect(before?.status).toBe('available');

    const grown = await post('/api/databases/flotas-develop/grow-storage', 'admin', {
      confirm: 'flotas-develop',
    });
    const after = (await estado()).databases.find((db) => db.id === 'flotas-develop');

    expect(grown.status).toBe(200);
    expect(after?.status).toBe('modifying');
  });

  it('shows a drill turned on through Turno on the very next read', async () => {
    const { estado, post } = await setUp();
    const cpu = async () => (await estado()).databases.find((db) => db.id === 'flotas-develop')
      ?.cpuPercent;
    expect(await cpu()).toBeLessThan(90);

    const drill = await post('/api/drills/rds-cpu-high', 'operador', { on: true });

    expect(drill.status).toBe(200);
    expect(await cpu()).toBe(95);
  });

  it('reads RDS again at the next request after a read that failed', async () => {
    const { reads, estado } = await setUp();
    reads.failRds = true;
    expect((await estado()).databases).toEqual([]);

    reads.failRds = false;
    const status = await estado();

    expect(status.databases.map((db) => db.id))
      .toEqual(['flotas-develop', 'flotas-develop-replica']);
    expect(reads.rds).toBe(2);
  });
});
