import pg from 'pg';
import { errorFields } from '../log.ts';
import type { Logger } from '../types.ts';

/** Each warm container holds its own pool: two connections keep RDS far from max_connections. */
export const lambdaPoolMax = 2;

const droppedMessages = ['Connection terminated unexpectedly', 'Connection terminated'];
// 57P01 admin_shutdown (pg_terminate_backend, failover), 57P05 idle_session_timeout (PG 14+).
const droppedCodes = new Set(['ECONNRESET', 'EPIPE', '57P01', '57P05']);

/** True for the errors of a connection that died while idle, typically while Lambda was frozen. */
export function isDroppedConnection(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (typeof code === 'string' && droppedCodes.has(code))
    || droppedMessages.includes(error.message);
}

/**
 * Makes a pool fit for a Lambda container: keep-alive on its sockets, idle-client errors
 * logged instead of crashing the process, and `pool.query` run once more on a fresh connection
 * when the pooled one turns out to have been dropped while the container was frozen. Only
 * `pool.query` is retried: a single autocommit statement that never reached a live server.
 */
export function fitForLambda(pool: pg.Pool, log: Logger, name: string): pg.Pool {
  // The pool makes each client from `options` when it connects, so this reaches every client.
  pool.options.keepAlive = true;
  pool.on('error', (error) => log.warn('pool.idle_error', { pool: name, ...errorFields(error) }));

  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<pg.QueryResult>;
  const retrying = async (...args: unknown[]): Promise<pg.QueryResult> => {
    try {
      return await query(...args);
    } catch (error) {
      if (!isDroppedConnection(error)) throw error;
      log.warn('pool.retry_dropped_connection', { pool: name, ...errorFields(error) });
      return queryOnFreshClient(pool.options, args);
    }
  };
  pool.query = retrying as typeof pool.query;
  return pool;
}

/** The pool's other idle clients may be dead too, so the retry opens its own connection. */
async function queryOnFreshClient(
  options: pg.PoolConfig, args: unknown[],
): Promise<pg.QueryResult> {
  const client = new pg.Client(options);
  // Errors during the query reach its promise; a late socket error must not crash the process.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await (client.query as (...a: unknown[]) => Promise<pg.QueryResult>)(...args);
  } finally {
    await client.end().catch(() => undefined);
  }
}
