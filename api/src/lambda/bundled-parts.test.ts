import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureOnce } from '../../../bench/cold-start.ts';
import { bundleLambdas, lambdaBuildOptions } from '../../../scripts/bundle.ts';
import type * as migrate from '../db/migrate.ts';
import { runMigrations } from '../db/migrate.ts';
import type * as vapid from '../db/vapid.ts';
import { pushMessage } from '../push/payload.ts';
import type * as sender from '../push/sender.ts';
import { memorySubscriptionStore } from '../push/testing/memory-store.ts';
import { startPushService } from '../push/testing/push-service.ts';
import { recordingLogger } from '../push/testing/recording-logger.ts';
import { createTestDatabase } from '../testing/index.ts';
import { startFakeSecretsExtension } from '../testing/secrets-extension.ts';
import { apiEvent } from './testing/api-event.ts';

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

/** The bundle's files (absolute paths) holding code from any input `pattern` matches. */
const filesWith = (metafile: Metafile, pattern: RegExp) => Object.entries(metafile.outputs)
  .filter(([, output]) => Object.keys(output.inputs).some((input) => pattern.test(input)))
  .map(([path]) => resolve(path));
const sdkFiles = (metafile: Metafile) => filesWith(metafile, /node_modules\/(@aws-sdk|@smithy)\//);

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

  it('the api, behind the secrets extension, starts and answers with no AWS SDK loaded, nor '
    + 'the diagnosis rules',
    async () => {
      const [api] = await bundleLambdas({ outDir: join(outDir, 'lambdas'), names: ['api'] });
      if (!api) throw new Error('no api bundle');
      const entry = join(api.dir, 'index.mjs');
      const arn = (name: string) => `arn:aws:secretsmanager:us-east-1:111122223333:secret:${name}`;
      const [login, vapid] = [arn('turno/database-AbCdEf'), arn('turno/vapid-GhIjKl')];
      const database = await createTestDatabase();
      const extension = await startFakeSecretsExtension({
        [login]: JSON.stringify({ username: 'postgres', password: 'trust-auth-ignores-it' }),
        [vapid]: JSON.stringify({ publicKey: 'BPublic', privateKey: 'private' }),
      }, 'session-token');
      try {
        const url = new URL(database.url);
        url.password = '';
        const started = await measureOnce({
          bundle: entry,
          // The sandbox cloud: /api/health makes no AWS call, so any SDK loaded is the secrets'.
          env: {
            AWS_LAMBDA_FUNCTION_NAME: 'turno-api', AWS_REGION: 'us-east-1',
            TURNO_CLOUD: 'sandbox', DATABASE_URL: url.toString(), LOG_LEVEL: 'silent',
            DATABASE_SECRET_ARN: login, VAPID_SECRET_ARN: vapid,
            PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(extension.port),
            AWS_SESSION_TOKEN: 'session-token',
          },
          event: JSON.stringify(apiEvent('GET', '/api/health')),
          outcome: "'HTTP ' + result.statusCode",
          expect: 'HTTP 200',
          traceLoads: true,
        });

        const loaded = (started.loaded ?? []).filter((url) => url.startsWith('file:'))
          .map((url) => fileURLToPath(url));
        const sdk = sdkFiles(api.metafile);
        expect(sdk.length).toBeGreaterThan(0);
        expect(loaded).toContain(entry);
        expect(loaded.filter((file) => sdk.includes(file) || file.includes('@aws-sdk')))
          .toEqual([]);
        // A named re-export in shared/src/index.ts once pulled them into the startup chunk.
        const rules = filesWith(api.metafile, /shared\/src\/diagnosis\/rules\.ts$/);
        expect(rules.length).toBeGreaterThan(0);
        expect(loaded.filter((file) => rules.includes(file))).toEqual([]);
        expect([...new Set(extension.asked)].sort()).toEqual([login, vapid]);
      } finally {
        await extension.close();
        await database.drop();
      }
    }, 60_000);
});
