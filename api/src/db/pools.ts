import pg from 'pg';
import type { AppConfig } from '../types.ts';

const TIMESTAMP_OID = 1114;

export interface StatePoolOptions {
  max?: number;
}

/**
 * Turno's own state: read-write, tables qualified as `turno.<name>` (PGlite ignores
 * connection options, so code must not rely on search_path).
 */
export function createStatePool(url: string, options: StatePoolOptions = {}): pg.Pool {
  return new pg.Pool({
    connectionString: url,
    max: options.max ?? 8,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    application_name: 'turno',
  });
}

/**
 * UP's database, where Sync_error is read: read-only transactions and a statement timeout on
 * every connection, a small pool so Turno never competes with the platform for connections.
 * Timestamps without zone are read as UTC, the default zone of RDS and of Lambda.
 */
export function createUpPool(url: string, config: AppConfig, max = 2): pg.Pool {
  const timeout = config.syncError.statementTimeoutMs;
  return new pg.Pool({
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
  });
}
