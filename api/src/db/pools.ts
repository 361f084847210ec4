import pg from 'pg';
import type { AppConfig, Logger } from '../types.ts';
import { GatedPool, type ConnectionGate } from './gated-pool.ts';
import { checkIdleOnConnect } from './pool-connect.ts';

const TIMESTAMP_OID = 1114;

/**
 * Clients idle this long are pinged before use: a burst of queries reuses them unchecked, while
 * one left in the pool across a Lambda freeze is checked before anything relies on it.
 */
export const checkAfterIdleMs = 1_000;

export interface StatePoolOptions {
  max?: number;
  /** Shared by every pool of an embedded database, which serves one client at a time. */
  gate?: ConnectionGate;
  /** Defaults to `checkAfterIdleMs`. */
  checkAfterIdleMs?: number;
  log?: Logger;
}

/**
 * Turno's own state: read-write, tables qualified as `turno.<name>` (PGlite ignores
 * connection options, so code must not rely on search_path).
 */
export function createStatePool(url: string, options: StatePoolOptions = {}): pg.Pool {
  const pool = newPool({
    connectionString: url,
    max: options.max ?? 8,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    application_name: 'turno',
  }, options.gate);
  return checkIdleOnConnect(pool, {
    checkAfterIdleMs: options.checkAfterIdleMs ?? checkAfterIdleMs, name: 'state',
    ...(options.log ? { log: options.log } : {}),
  });
}

/**
 * UP's database, where Sync_error is read: read-only transactions and a statement timeout on
 * every connection, a small pool so Turno never competes with the platform for connections.
 * Timestamps without zone are read as UTC, the default zone of RDS and of Lambda.
 */
export function createUpPool(
  url: string, config: AppConfig, max = 2, gate?: ConnectionGate,
): pg.Pool {
  const timeout = config.syncError.statementTimeoutMs;
  const pool = newPool({
    connectionString: url,
    max,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    application_name: 'turno-reader',
    options: `-c default_transaction_read_only=on -c statement_timeout=${timeout}`,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === TIMESTAMP_OID && format !== 'binary'
          ? (value: string) => new Date(`${value.replace(' ', 'T')}Z`)
          : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
    },
  }, gate);
  return checkIdleOnConnect(pool, { checkAfterIdleMs, name: 'up' });
}

function newPool(config: pg.PoolConfig, gate: ConnectionGate | undefined): pg.Pool {
  return gate ? new GatedPool(config, gate) : new pg.Pool(config);
}
