import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { statusResponse } from '@turno/shared';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { createRuntime, type Runtime } from '../runtime.ts';
import { bearer, signIn } from '../testing/index.ts';

describe('the embedded database (PGlite behind pglite-socket)', () => {
  const dirs: string[] = [];
  const runtimes: Runtime[] = [];
  afterEach(async () => {
    await Promise.all(runtimes.splice(0).map((runtime) => runtime.close()));
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  async function start(dataDir: string): Promise<Runtime> {
    const config = loadConfig({ TURNO_DATA_DIR: dataDir, DEV_SIGN_IN: 'on' });
    const runtime = await createRuntime(config, createLogger({ level: 'silent' }));
    runtimes.push(runtime);
    return runtime;
  }

  function tempDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'turno-embedded-'));
    dirs.push(dir);
    return dir;
  }

  it('migrates, loads the runbook rows and serves the API through the same pg code', async () => {
    const runtime = await start(tempDir());
    const app = createApp(runtime.deps);
    const token = await signIn(app, 'observador');

    const health = await (await app.request('/api/health')).json();
    const page = await app.request('/api/sync-errors?limit=3', { headers: bearer(token) });
    const { rows } = await runtime.deps.statePool.query<{ name: string }>(
      `SELECT name FROM turno.pgmigrations ORDER BY id`,
    );

    expect(health).toMatchObject({ ok: true, database: 'embedded' });
    expect(rows[0]?.name).toBe('001_state');
    expect(page.status).toBe(200);
    expect((await page.json() as { items: Array<{ id: string }> }).items.map((i) => i.id))
      .toEqual(['59500', '58781', '58780']);
  });

  it('answers Estado, whose reads go to PGlite as one query of several statements', async () => {
    const runtime = await start(tempDir());
    const app = createApp(runtime.deps);

    const response = await app.request('/api/status', {
      headers: bearer(await signIn(app, 'observador')),
    });

    expect(response.status).toBe(200);
    const status = statusResponse.parse(await response.json());
    expect(status.watcher.intervalSeconds).toBe(runtime.deps.config.watchIntervalSeconds);
    expect(status.databases.map((db) => db.id))
      .toEqual(['flotas-develop', 'flotas-develop-replica']);
  });

  it('keeps parameterised queries from different connections apart, also around a transaction',
    async () => {
      const { statePool } = (await start(tempDir())).deps;
      const client = await statePool.connect();
      await client.query('BEGIN');
      await client.query(`INSERT INTO turno.settings (key, value) VALUES ($1, $2)`, ['tx', '1']);
      const outside = Array.from({ length: 60 }, (_, i) => statePool.query<{ n: number }>(
        i % 2 ? 'SELECT $1::int * 2 AS n' : 'SELECT $1::int + 1000 AS n, $2::text AS s',
        i % 2 ? [i] : [i, `s${i}`],
      ));
      await client.query('COMMIT');
      client.release();

      const results = await Promise.all(outside);

      expect(results.map((r) => r.rows[0]?.n)).toEqual(
        Array.from({ length: 60 }, (_, i) => (i % 2 ? i * 2 : i + 1000)),
      );
    });

  it('gives every caller its own answer under overlapping transactions and 200 queries',
    async () => {
      const { statePool, upPool } = (await start(tempDir())).deps;
      const transaction = async (key: string) => {
        const client = await statePool.connect();
        try {
          await client.query('BEGIN');
          await client.query(`INSERT INTO turno.settings (key, value) VALUES ($1, $2)`,
            [key, JSON.stringify({ key })]);
          const { rows } = await client.query<{ value: { key: string } }>(
            'SELECT value FROM turno.settings WHERE key = $1', [key],
          );
          await client.query('COMMIT');
          return rows[0]?.value.key;
        } finally {
          client.release();
        }
      };
      const queries = Array.from({ length: 200 }, (_, i) => (i % 3 === 0
        ? upPool.query<{ n: number }>('SELECT count(*)::int + $1::int AS n FROM "Sync_error"', [i])
        : statePool.query<{ n: number }>('SELECT $1::int * 2 + $2::int AS n', [i, i % 2])));

      const [first, second, ...answers] = await Promise.all([
        transaction('tx-a'), transaction('tx-b'), ...queries,
      ]);

      expect([first, second]).toEqual(['tx-a', 'tx-b']);
      expect(answers.map((answer) => answer.rows[0]?.n)).toEqual(
        Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 39 + i : i * 2 + (i % 2))),
      );
    });

  it('keeps subscriptions and keys across a restart without loading the rows twice', async () => {
    const dir = tempDir();
    const first = await start(dir);
    const app = createApp(first.deps);
    const token = await signIn(app, 'operador');
    await app.request('/api/push/subscribe', {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify({
        endpoint: 'https://fcm.googleapis.com/fcm/send/restart', keys: { p256dh: 'BNc', auth: 'x' },
      }),
    });
    const publicKey = first.deps.keys.vapid.publicKey;
    await runtimes.splice(0)[0]?.close();

    const second = await start(dir);
    const { rows } = await second.deps.statePool.query<{ n: string; subs: string }>(
      `SELECT (SELECT count(*) FROM "Sync_error") AS n,
              (SELECT count(*) FROM turno.push_subscriptions) AS subs`,
    );

    expect(second.deps.keys.vapid.publicKey).toBe(publicKey);
    expect(rows[0]).toEqual({ n: '39', subs: '1' });
  });

  it('refuses a second start on a data folder that is in use', async () => {
    const dir = tempDir();
    await start(dir);

    await expect(start(dir)).rejects.toThrow(/data folder/);
  });
});
