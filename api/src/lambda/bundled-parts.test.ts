import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lambdaBuildOptions } from '../../../scripts/bundle.ts';
import type * as migrate from '../db/migrate.ts';
import { runMigrations } from '../db/migrate.ts';
import type * as vapid from '../db/vapid.ts';
import { pushMessage } from '../push/payload.ts';
import type * as sender from '../push/sender.ts';
import { memorySubscriptionStore } from '../push/testing/memory-store.ts';
import { startPushService } from '../push/testing/push-service.ts';
import { recordingLogger } from '../push/testing/recording-logger.ts';
import { createTestDatabase } from '../testing/index.ts';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const migrationsDir = source('../db/migrations');

let outDir: string;
beforeAll(async () => { outDir = await mkdtemp(join(tmpdir(), 'turno-bundled-')); });
afterAll(() => rm(outDir, { recursive: true, force: true }));

/** A fresh database and a pool on it; `close` ends the pool and drops the database. */
async function testPool() {
  const database = await createTestDatabase();
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  return { pool, close: async () => { await pool.end(); await database.drop(); } };
}

/** Bundles one module as the Lambdas are bundled (plugins included) and imports it. */
async function bundled<T>(name: string, path: string): Promise<T> {
  const dir = join(outDir, name);
  await build({ ...lambdaBuildOptions(), entryPoints: { [name]: source(path) }, outdir: dir });
  if (name === 'migrate') await cp(migrationsDir, join(dir, 'migrations'), { recursive: true });
  return await import(pathToFileURL(join(dir, `${name}.mjs`)).href) as T;
}

describe('parts of a Lambda bundle that leave a dependency out', () => {
  it('the migrator, without glob, applies every migration of the folder beside it', async () => {
    const bundle = await bundled<typeof migrate>('migrate', '../db/migrate.ts');
    const { pool, close } = await testPool();
    try {
      const names = await bundle.runMigrations(pool, recordingLogger());

      const files = (await readdir(migrationsDir)).filter((file) => file.endsWith('.sql'));
      expect(names).toEqual(files.sort().map((file) => file.slice(0, -'.sql'.length)));
      expect(await bundle.runMigrations(pool, recordingLogger())).toEqual([]);
    } finally {
      await close();
    }
  });

  it('web-push, without its VAPID signer, makes the keys and pushes what a service accepts',
    async () => {
      const keys = await bundled<typeof vapid>('vapid', '../db/vapid.ts');
      const { createWebPushSender } = await bundled<typeof sender>('sender', '../push/sender.ts');
      const service = await startPushService();
      const { pool, close } = await testPool();
      try {
        await runMigrations(pool, recordingLogger());
        const pair = await keys.loadVapidKeys(pool, 'mailto:guardia@example.com');
        const sub = service.subscribe();
        const store = memorySubscriptionStore([
          { id: sub.id, endpoint: sub.json.endpoint, ...sub.json.keys, userName: 'operador',
            locale: 'es-MX' },
        ]);
        const push = createWebPushSender(store, pair, {
          ttlSeconds: 60, log: recordingLogger(), agent: service.agent,
        });
        const message = pushMessage(() => ({
          v: 1, alertId: '7', card: '4.1', title: 'RDS', url: '/alertas/7',
        }));

        const report = await push.send(message, { topic: 'alert-7' });

        expect(report.delivered).toBe(1);
        expect(service.rejected).toEqual([]);
        expect(service.received[0]?.payload).toEqual(message['es-MX']);
        expect(service.received[0]?.vapid.publicKey).toBe(pair.publicKey);
      } finally {
        await close();
        await service.close();
      }
    });
});
