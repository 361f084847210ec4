import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lambdaBuildOptions } from '../../../scripts/bundle.ts';
import type * as migrate from '../db/migrate.ts';
import { recordingLogger } from '../push/testing/recording-logger.ts';
import { createTestDatabase } from '../testing/index.ts';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const migrationsDir = source('../db/migrations');

let outDir: string;
beforeAll(async () => { outDir = await mkdtemp(join(tmpdir(), 'turno-bundled-')); });
afterAll(() => rm(outDir, { recursive: true, force: true }));

/** Bundles one module as the Lambdas are bundled (plugins included) and imports it. */
async function bundled<T>(name: string, path: string): Promise<T> {
  const dir = join(outDir, name);
  await build({ ...lambdaBuildOptions(), entryPoints: { [name]: source(path) }, outdir: dir });
  if (name === 'migrate') await cp(migrationsDir, join(dir, 'migrations'), { recursive: true });
  return await import(pathToFileURL(join(dir, `${name}.mjs`)).href) as T;
}

describe('parts of a Lambda bundle that leave a dependency out', () => {
  it('the migrator, without glob, applies every migration of the folder beside it', async () => {
    const { runMigrations } = await bundled<typeof migrate>('migrate', '../db/migrate.ts');
    const database = await createTestDatabase();
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    try {
      const names = await runMigrations(pool, recordingLogger());

      const files = (await readdir(migrationsDir)).filter((file) => file.endsWith('.sql'));
      expect(names).toEqual(files.sort().map((file) => file.slice(0, -'.sql'.length)));
      expect(await runMigrations(pool, recordingLogger())).toEqual([]);
    } finally {
      await pool.end();
      await database.drop();
    }
  });
});
