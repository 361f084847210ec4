import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded.ts';

const log = createLogger({ level: 'silent' });

/** A port the system just handed out, still held by the returned server. */
async function heldPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => { server.listen(0, '127.0.0.1', resolve); });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { port: address.port, server };
}

const release = (server: Server) => new Promise<void>((resolve) => {
  server.close(() => resolve());
});

describe('EMBEDDED_DB_PORT', () => {
  const dirs: string[] = [];
  let database: EmbeddedDatabase | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'turno-embedded-port-'));
    dirs.push(dir);
    return dir;
  };

  it('is read as a port, and refused when it is not one', () => {
    expect(loadConfig({ EMBEDDED_DB_PORT: '5433' }).embeddedDbPort).toBe(5433);
    expect(loadConfig({}).embeddedDbPort).toBeUndefined();
    expect(() => loadConfig({ EMBEDDED_DB_PORT: 'x' })).toThrow(/EMBEDDED_DB_PORT/);
  });

  it('takes Sync_error rows from psql-like clients on the port it was given', async () => {
    const { port, server } = await heldPort();
    await release(server);
    database = await startEmbeddedDatabase({ dataDir: tempDir(), log, port });
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres' });
    await client.connect();
    try {
      await client.query(`INSERT INTO "Sync_error" (client_id, json_data, data_source_id,
        function_name) VALUES (58600, '"timeout of 3000ms exceeded"', 1, 'linde-mix-get-events')`);
      const { rows } = await client.query<{ id: string }>(
        'SELECT max(id)::text AS id FROM "Sync_error"',
      );

      expect(database.url).toBe(`postgres://postgres@127.0.0.1:${port}/postgres`);
      expect(Number(rows[0]?.id)).toBeGreaterThan(59_500);
    } finally {
      await client.end();
    }
  });

  it('refuses a port in use, and leaves the data folder for the next start', async () => {
    const dir = tempDir();
    const { port, server } = await heldPort();
    try {
      await expect(startEmbeddedDatabase({ dataDir: dir, log, port })).rejects.toThrow();
    } finally {
      await release(server);
    }

    database = await startEmbeddedDatabase({ dataDir: dir, log });
    expect(database.created).toBe(false);
  });
});
