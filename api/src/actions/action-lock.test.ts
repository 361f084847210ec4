import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createStatePool } from '../db/pools.ts';
import { createTestDatabase, type TestDatabase } from '../testing/index.ts';
import { withActionLock } from './action-lock.ts';

let database: TestDatabase | undefined;
const pools: pg.Pool[] = [];

afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.end()));
  await database?.drop();
  database = undefined;
});

/** Two containers' pools on one database. */
async function twoPools(): Promise<[pg.Pool, pg.Pool]> {
  database = await createTestDatabase();
  const made: [pg.Pool, pg.Pool] = [
    createStatePool(database.url, { max: 2 }), createStatePool(database.url, { max: 2 }),
  ];
  pools.push(...made);
  return made;
}

/** A promise with its resolve, to hold work open until the test lets it go. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => { open = resolve; });
  return { open, opened };
}

async function heldBy(pool: pg.Pool, key: string): Promise<boolean> {
  const { rows } = await pool.query<{ held: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory'
       AND objid::int = hashtext($1) AND granted) AS held`, [key]);
  return rows[0]?.held ?? false;
}

describe('withActionLock', () => {
  it('makes the second holder of a key wait until the first is done', async () => {
    const [a, b] = await twoPools();
    const steps: string[] = [];
    const first = gate();
    const inside = gate();

    const one = withActionLock(a, 'schedule:default/x', async () => {
      steps.push('first in');
      inside.open();
      await first.opened;
      steps.push('first out');
    });
    await inside.opened;
    const two = withActionLock(b, 'schedule:default/x', async () => { steps.push('second in'); });
    await expect.poll(async () => {
      const { rows } = await a.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`);
      return rows[0]?.n;
    }).toBe(1);
    first.open();
    await Promise.all([one, two]);

    expect(steps).toEqual(['first in', 'first out', 'second in']);
  });

  it('lets different keys run side by side', async () => {
    const [a, b] = await twoPools();
    const first = gate();

    const one = withActionLock(a, 'rds-storage:flotas-develop', () => first.opened);
    const other = await withActionLock(b, 'rds-storage:flotas-develop-replica', async () => 'ran');
    first.open();
    await one;

    expect(other).toBe('ran');
  });

  it('says the action is in progress when the first holder keeps the key too long', async () => {
    const [a, b] = await twoPools();
    const first = gate();
    const inside = gate();
    const one = withActionLock(a, 'pm2-flush:i-1/pm2', async () => {
      inside.open();
      await first.opened;
    });
    await inside.opened;

    const two = withActionLock(b, 'pm2-flush:i-1/pm2', async () => 'never', 50);

    await expect(two).rejects.toMatchObject({ code: 'action_in_progress' });
    first.open();
    await one;
  });

  it('lets go of the key when the work fails, and leaves the connection usable', async () => {
    const [a] = await twoPools();

    await expect(withActionLock(a, 'k', async () => { throw new Error('AWS said no'); }))
      .rejects.toThrow('AWS said no');

    expect(await heldBy(a, 'k')).toBe(false);
    const { rows } = await a.query<{ timeout: string }>(`SELECT current_setting('lock_timeout')
      AS timeout`);
    expect(rows[0]?.timeout).toBe('0');
  });

  it('runs the work\'s queries on the connection holding the lock', async () => {
    const [a] = await twoPools();

    const pid = await withActionLock(a, 'k', async (db) => {
      const { rows } = await db.query<{ pid: number }>(
        `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid::int = hashtext('k')`);
      const own = await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      return [rows[0]?.pid, own.rows[0]?.pid];
    });

    expect(pid[0]).toBe(pid[1]);
  });
});
