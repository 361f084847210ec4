import { AsyncLocalStorage } from 'node:async_hooks';
import { Mutex, withTimeout, type MutexInterface } from 'async-mutex';
import pg from 'pg';

/** Lets one client at a time, of every pool that shares it, talk to the database. */
export type ConnectionGate = MutexInterface;

type ConnectCallback = (
  error: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void,
) => void;

/**
 * A gate for PGlite: it is one backend, and pglite-socket queues each protocol message on its
 * own, so the Parse/Bind/Execute of two connections interleave and answer the wrong caller.
 * Waiting longer than `waitMs` fails the checkout rather than hanging a request for ever.
 */
export function createConnectionGate(waitMs = 30_000): ConnectionGate {
  return withTimeout(new Mutex(), waitMs,
    new Error(`The embedded database stayed busy for ${waitMs} ms`));
}

/**
 * A pg.Pool whose checkouts go through a gate, from `connect()` until `release()`. pg's own
 * `pool.query()` checks out through `connect()`, so single queries wait their turn too.
 */
export class GatedPool extends pg.Pool {
  readonly #gate: ConnectionGate;

  constructor(config: pg.PoolConfig, gate: ConnectionGate) {
    super(config);
    this.#gate = gate;
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    const checkout = this.#checkout();
    if (!callback) return checkout;
    checkout.then(
      (client) => callback(undefined, client, (release) => client.release(release as boolean)),
      (error: Error) => callback(error, undefined, () => undefined),
    );
  }

  async #checkout(): Promise<pg.PoolClient> {
    const loan = loans.getStore();
    if (loan?.open && loan.pool === this) return borrowed(loan.client);
    const free = await this.#gate.acquire();
    let client: pg.PoolClient;
    try {
      client = await super.connect();
    } catch (error) {
      free();
      throw error;
    }
    // pg-pool sets a fresh release on every checkout; wrapping it frees the gate exactly once.
    const release = client.release.bind(client);
    let freed = false;
    client.release = (error?: Error | boolean) => {
      try {
        release(error);
      } finally {
        if (!freed) {
          freed = true;
          free();
        }
      }
    };
    return client;
  }
}

interface Loan {
  pool: GatedPool;
  client: pg.PoolClient;
  /** False once `work` ended: later checkouts from its async context queue at the gate. */
  open: boolean;
}

const loans = new AsyncLocalStorage<Loan>();

/**
 * Runs `work` so that checkouts from `pool` made inside it (its `pool.query` too) get `client`,
 * which already holds the gate, instead of waiting for the gate it holds until the timeout.
 * For a pool without a gate (a real server) it only runs `work`: those get a connection of their
 * own. Only for work outside a transaction, since every query inside then runs on `client`.
 */
export async function withLentClient<T>(
  pool: pg.Pool, client: pg.PoolClient, work: () => Promise<T>,
): Promise<T> {
  if (!(pool instanceof GatedPool)) return work();
  const loan: Loan = { pool, client, open: true };
  try {
    return await loans.run(loan, work);
  } finally {
    loan.open = false;
  }
}

/** The lender's client, whose release is left to the lender (pg releases with any error). */
function borrowed(client: pg.PoolClient): pg.PoolClient {
  return new Proxy(client, {
    get(target, property) {
      if (property === 'release') return () => undefined;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
