import { afterEach, describe, expect, it } from 'vitest';
import { serverUrl } from '../testing/index.ts';
import {
  createConnectionGate, GatedPool, withLentClient, type ConnectionGate,
} from './gated-pool.ts';

describe('GatedPool', () => {
  const pools: GatedPool[] = [];
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((pool) => pool.end()));
  });

  function poolWith(gate: ConnectionGate): GatedPool {
    const pool = new GatedPool({ connectionString: serverUrl, max: 4 }, gate);
    pools.push(pool);
    return pool;
  }

  it('holds a query of another pool sharing the gate while a client is checked out',
    async () => {
      const gate = createConnectionGate(200);
      const state = poolWith(gate);
      const up = poolWith(gate);
      const held = await state.connect();

      await expect(up.query('SELECT 1')).rejects.toThrow(/stayed busy for 200 ms/);
      held.release();
      const { rows } = await up.query<{ n: number }>('SELECT $1::int AS n', [7]);

      expect(rows).toEqual([{ n: 7 }]);
    });

  it('hands the gate to the next checkout in turn once the holder releases', async () => {
    const pool = poolWith(createConnectionGate());
    const order: string[] = [];
    const first = await pool.connect();

    const second = pool.connect().then((client) => {
      order.push('second checked out');
      return client;
    });
    await first.query('SELECT 1');
    order.push('first released');
    first.release();
    (await second).release();

    expect(order).toEqual(['first released', 'second checked out']);
  });

  it('frees the gate once when a broken client is released with an error', async () => {
    const pool = poolWith(createConnectionGate(200));
    const broken = await pool.connect();

    broken.release(new Error('connection lost'));
    const { rows } = await pool.query<{ ok: boolean }>('SELECT true AS ok');

    expect(rows).toEqual([{ ok: true }]);
    expect(() => broken.release()).toThrow(/already been released/);
  });

  it('serves the callback form of connect that pg itself uses', async () => {
    const pool = poolWith(createConnectionGate());

    const n = await new Promise<number>((resolve, reject) => {
      pool.connect((error, client, done) => {
        if (error || !client) return reject(error ?? new Error('no client'));
        client.query<{ n: number }>('SELECT 41 + 1 AS n').then((result) => {
          done();
          resolve(result.rows[0]?.n ?? 0);
        }, reject);
      });
    });

    expect(n).toBe(42);
  });

  it('lends the holder\'s client to its pool\'s queries inside the work, not after', async () => {
    const pool = poolWith(createConnectionGate(200));
    const held = await pool.connect();
    const backend = async (db: { query: GatedPool['query'] }) =>
      (await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
    const own = await backend(held);

    const inside = await withLentClient(pool, held, async () => {
      const failing = await pool.query('SELECT 1/0').catch((error: Error) => error.message);
      return { failing, pids: await Promise.all([backend(pool), backend(pool)]) };
    });
    const after = pool.query('SELECT 1');

    expect(inside).toEqual({ failing: 'division by zero', pids: [own, own] });
    await expect(after).rejects.toThrow(/stayed busy for 200 ms/);
    held.release();
    expect(await backend(pool)).toBeTypeOf('number');
  });

  it('lends nothing to another pool sharing the gate, which still waits its turn', async () => {
    const gate = createConnectionGate(200);
    const state = poolWith(gate);
    const up = poolWith(gate);
    const held = await state.connect();

    const waited = withLentClient(state, held, () => up.query('SELECT 1'));

    await expect(waited).rejects.toThrow(/stayed busy for 200 ms/);
    held.release();
  });
});
