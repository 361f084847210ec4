import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startFreezingProxy, type FreezingProxy } from '../lambda/testing/freezing-proxy.ts';
import { recordingLogger } from '../push/testing/recording-logger.ts';
import { serverUrl } from '../testing/index.ts';
import { isDroppedConnection } from './dropped-connection.ts';
import { createStatePool } from './pools.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(checkAfterIdleMs: number) {
  const proxy = await startFreezingProxy(serverUrl);
  const log = recordingLogger();
  const pool = createStatePool(proxy.url, { max: 2, checkAfterIdleMs, log });
  pool.on('error', () => undefined);
  cleanups.push(() => proxy.close(), () => pool.end());
  return { proxy, log, pool };
}

const backendPid = async (client: pg.Pool | pg.PoolClient) =>
  (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;

/**
 * Leaves one idle pooled client whose server process was terminated while it could not tell,
 * as after a Lambda thaw or an RDS failover.
 */
async function dropIdleClient(pool: pg.Pool, proxy: FreezingProxy): Promise<number | undefined> {
  const pid = await backendPid(pool);
  proxy.freeze();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query('SELECT pg_terminate_backend($1)', [pid]);
  await admin.end();
  await proxy.frozenUpstreamsClosed();
  return pid;
}

describe('pool.connect on a pool whose idle client was dropped', () => {
  it('hands out a live client for a transaction instead of the dead one', async () => {
    const { proxy, log, pool } = await setUp(0);
    const dropped = await dropIdleClient(pool, proxy);

    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const pid = await backendPid(client);
      await client.query('COMMIT');

      expect(pid).toEqual(expect.any(Number));
      expect(pid).not.toBe(dropped);
    } finally {
      client.release();
    }
    expect(log.lines.map((line) => line.event)).toContain('pool.dropped_idle_connection');
  });

  it('answers pool.query too, which checks its client out the same way', async () => {
    const { proxy, pool } = await setUp(0);
    const dropped = await dropIdleClient(pool, proxy);

    const pid = await backendPid(pool);

    expect(pid).toEqual(expect.any(Number));
    expect(pid).not.toBe(dropped);
  });

  it('answers a callback-style connect', async () => {
    const { proxy, pool } = await setUp(0);
    await dropIdleClient(pool, proxy);

    const pid = await new Promise<number | undefined>((resolve, reject) => {
      pool.connect((error, client, done) => {
        if (error || !client) return reject(error ?? new Error('no client'));
        backendPid(client).then((answer) => { done(); resolve(answer); }, reject);
      });
    });

    expect(pid).toEqual(expect.any(Number));
  });

  it('does not ping a client released moments ago, so the dead one still fails', async () => {
    const { proxy, pool } = await setUp(60_000);
    await dropIdleClient(pool, proxy);

    const client = await pool.connect();
    // The dead socket also says so as an 'error' event, which a caller holding it must hear.
    client.on('error', () => undefined);
    const failure = await backendPid(client).then(() => null, (error: unknown) => error);
    client.release(true);

    expect(isDroppedConnection(failure)).toBe(true);
  });

  it('passes on an error that is not a dropped connection', async () => {
    const { pool } = await setUp(0);
    await backendPid(pool);

    await expect(pool.query('SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table/);
    expect(await backendPid(pool)).toEqual(expect.any(Number));
  });
});
