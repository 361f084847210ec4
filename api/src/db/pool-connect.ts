import type pg from 'pg';
import { errorFields } from '../log.ts';
import type { Logger } from '../types.ts';
import { isDroppedConnection } from './dropped-connection.ts';

export interface CheckedConnectOptions {
  /** A pooled client idle at least this long is pinged before it is handed out. */
  checkAfterIdleMs: number;
  log?: Logger;
  name?: string;
}

type ConnectCallback = (error: Error | undefined, client?: pg.PoolClient, done?: () => void) =>
  void;

/**
 * Makes `pool.connect()` (and so `pool.query`, which goes through it) hand out only clients
 * that answer: one idle for `checkAfterIdleMs` or more is pinged first, and one whose server
 * went away while it sat in the pool (a Lambda frozen through a failover, or the backend
 * terminated) is discarded for the next, down to a new connection. Code that holds a client
 * for a transaction gets a live one without retrying anything itself.
 */
export function checkIdleOnConnect(pool: pg.Pool, options: CheckedConnectOptions): pg.Pool {
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  const idleSince = new WeakMap<pg.PoolClient, number>();
  pool.on('release', (_error: Error | undefined, client: pg.PoolClient) => {
    idleSince.set(client, Date.now());
  });

  async function live(): Promise<pg.PoolClient> {
    // Each failed ping removes one idle client, so after `max` of them a new one is made.
    for (let attempt = 0; ; attempt += 1) {
      const client = await connect();
      const since = idleSince.get(client);
      if (since === undefined || Date.now() - since < options.checkAfterIdleMs) {
        return client;
      }
      const failure = await ping(client);
      if (!failure) return client;
      if (!isDroppedConnection(failure) || attempt >= (pool.options.max ?? 10)) throw failure;
      options.log?.warn('pool.dropped_idle_connection', {
        pool: options.name ?? 'pool', ...errorFields(failure),
      });
    }
  }

  pool.connect = ((callback?: ConnectCallback) => {
    if (!callback) return live();
    live().then(
      (client) => callback(undefined, client, () => client.release()),
      (error: unknown) => callback(error as Error),
    );
    return undefined;
  }) as typeof pool.connect;
  return pool;
}

/** Null when the client answered; otherwise the error, the client already thrown away. */
async function ping(client: pg.PoolClient): Promise<Error | null> {
  // A dead socket also emits 'error' on the client: heard here, the client is being discarded.
  const ignore = () => undefined;
  client.on('error', ignore);
  try {
    await client.query('SELECT 1');
    client.off('error', ignore);
    return null;
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    client.release(failure);
    return failure;
  }
}
