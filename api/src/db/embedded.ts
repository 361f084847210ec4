import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { Logger } from '../types.ts';
import { acquireDirLock } from './dir-lock.ts';
import { syncErrorSeedSql } from './seed.ts';

export interface EmbeddedDatabase {
  /** A postgres:// URL to the socket server, for the same `pg` pools a real server gets. */
  url: string;
  /** True when this start created the data directory (and loaded the runbook's rows). */
  created: boolean;
  close(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Turno's data folder; PostgreSQL's files go in `<dataDir>/pg`. */
  dataDir: string;
  log: Logger;
  /** Must cover every pool's `max` plus the migration client. */
  maxConnections?: number;
  /** A fixed port on 127.0.0.1 (EMBEDDED_DB_PORT), so psql can reach it; else a free one. */
  port?: number | undefined;
}

/**
 * PGlite behind pglite-socket on 127.0.0.1, on the given port or a free one. PGlite is one
 * backend shared by every socket: protocol messages run one at a time, whatever connection sent
 * them, and session settings (connection options, SET) apply to all connections. Pools on it
 * must share one gate (see gated-pool.ts), or the extended-protocol messages of two callers
 * interleave; a psql outside the gate is for a few rows by hand, not for load.
 */
export async function startEmbeddedDatabase(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = options.log.child('embedded-db');
  const pgDir = join(options.dataDir, 'pg');
  mkdirSync(options.dataDir, { recursive: true });
  const releaseLock = acquireDirLock(join(options.dataDir, 'pg.lock'));
  try {
    const created = !existsSync(join(pgDir, 'PG_VERSION'));
    const db = await PGlite.create({ dataDir: pgDir });
    // Checked by table rather than by folder so a first start cut short seeds on the next.
    const { rows } = await db.query<{ table: string | null }>(
      `SELECT to_regclass('public."Sync_error"')::text AS table`,
    );
    if (!rows[0]?.table) {
      await db.exec(syncErrorSeedSql());
      log.info('embedded_db.seeded', { dataDir: pgDir });
    }
    const server = new PGLiteSocketServer({
      db, host: '127.0.0.1', port: options.port ?? 0,
      maxConnections: options.maxConnections ?? 24,
    });
    await server.start().catch(async (error: unknown) => {
      // EMBEDDED_DB_PORT taken: close the files so the next start finds them whole.
      await db.close();
      throw error;
    });
    const url = `postgres://postgres@${server.getServerConn()}/postgres`;
    // The URL psql takes, to add Sync_error rows by hand (README, "Try an alert").
    log.info('embedded_db.started', {
      dataDir: pgDir, created, address: server.getServerConn(), url,
    });

    const close = async () => {
      await server.stop();
      await db.close();
      releaseLock();
      log.info('embedded_db.stopped', { dataDir: pgDir });
    };
    return { url, created, close };
  } catch (error) {
    releaseLock();
    throw error;
  }
}
