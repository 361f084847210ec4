import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createStatePool } from '../db/pools.ts';
import { recordingLogger } from '../push/testing/recording-logger.ts';
import { serverUrl } from '../testing/index.ts';
import { fitForLambda, isDroppedConnection } from './pool.ts';
import { startFreezingProxy, type FreezingProxy } from './testing/freezing-proxy.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp() {
  const proxy = await startFreezingProxy(serverUrl);
  const log = recordingLogger();
  const pool = createStatePool(proxy.url, { max: 2 });
  cleanups.push(() => proxy.close(), () => pool.end());
  return { proxy, log, pool };
}

const backendPid = async (pool: pg.Pool) =>
  (await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;

/** Leaves one idle pooled client whose server process is gone while the client cannot tell. */
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

describe('a Lambda container pool', () => {
  it('loses the query on a dropped idle connection when it does not retry', async () => {
    const { proxy, pool } = await setUp();
    pool.on('error', () => undefined);
    await dropIdleClient(pool, proxy);

    const failure = await backendPid(pool).then(() => undefined, (error: unknown) => error);

    expect(failure).toBeInstanceOf(Error);
    expect(isDroppedConnection(failure)).toBe(true);
  });

  it('runs the query again on a fresh connection after a dropped idle one', async () => {
    const { proxy, log, pool } = await setUp();
    fitForLambda(pool, log, 'state');
    const dropped = await dropIdleClient(pool, proxy);

    const answered = await backendPid(pool);

    expect(answered).toEqual(expect.any(Number));
    expect(answered).not.toBe(dropped);
    const retries = log.lines.filter((line) => line.event === 'pool.retry_dropped_connection');
    expect(retries).toHaveLength(1);
    expect(retries[0]?.context).toMatchObject({ pool: 'state' });
  });

  it('does not retry a query the server refused', async () => {
    const { log, pool } = await setUp();
    fitForLambda(pool, log, 'state');

    await expect(pool.query('SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table/);
    expect(log.lines.map((line) => line.event)).not.toContain('pool.retry_dropped_connection');
  });

  it('turns keep-alive on for every client the pool opens', async () => {
    const { log, pool } = await setUp();
    fitForLambda(pool, log, 'state');

    const client = await pool.connect();
    client.release();

    expect(pool.options.keepAlive).toBe(true);
    expect((client as unknown as { connection: { _keepAlive?: boolean } }).connection._keepAlive)
      .toBe(true);
  });
});
