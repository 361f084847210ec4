import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lambdaBuildOptions } from './bundle.ts';
import { leaveOut, unreachedImports, type UnreachedImport } from './unreached-imports.ts';

let outDir: string;
beforeAll(async () => { outDir = await mkdtemp(join(tmpdir(), 'turno-unreached-')); });
afterAll(() => rm(outDir, { recursive: true, force: true }));

/** Bundles `contents` as a Lambda, with this plugin alone; returns its inputs and a loader. */
async function bundle(contents: string, imports: readonly UnreachedImport[] = unreachedImports) {
  const dir = join(outDir, `bundle-${count += 1}`);
  const result = await build({
    ...lambdaBuildOptions(), plugins: [leaveOut(imports)], logLevel: 'silent', metafile: true,
    stdin: { contents, resolveDir: import.meta.dirname, loader: 'js' }, outdir: dir,
  });
  const inputs = Object.keys(result.metafile.inputs);
  const load = () => import(pathToFileURL(join(dir, 'stdin.mjs')).href) as Promise<object>;
  return { inputs, load };
}
let count = 0;

const fromPackage = (name: string) => (input: string) => input.includes(`node_modules/${name}/`);

describe('leaveOut', () => {
  it('bundles node-pg-migrate without glob and the five packages glob pulls in', async () => {
    const { inputs } = await bundle("export { runner } from 'node-pg-migrate';");

    expect(inputs.some(fromPackage('node-pg-migrate'))).toBe(true);
    for (const name of ['glob', 'minimatch', 'path-scurry', 'lru-cache', 'minipass']) {
      expect(inputs.filter(fromPackage(name))).toEqual([]);
    }
  });

  it('bundles web-push without its VAPID signer\'s and proxy\'s dependencies', async () => {
    const { inputs } = await bundle("export { default } from 'web-push';");

    expect(inputs.some(fromPackage('web-push'))).toBe(true);
    expect(inputs.some(fromPackage('http_ece'))).toBe(true);
    for (const name of ['asn1.js', 'bn.js', 'jws', 'https-proxy-agent', 'agent-base']) {
      expect(inputs.filter(fromPackage(name))).toEqual([]);
    }
  });

  it('bundles pg without its native client: pg.native is null, as without pg-native', async () => {
    const { inputs, load } = await bundle("import pg from 'pg'; export const native = pg.native;");

    expect(inputs.some(fromPackage('pg'))).toBe(true);
    expect(inputs.filter((input) => input.includes('node_modules/pg/lib/native/'))).toEqual([]);
    const { native } = await load() as { native: unknown };
    expect(native).toBeNull();
  });

  it('gives any other importer the real module', async () => {
    const { inputs } = await bundle("export { glob } from 'glob';");

    expect(inputs.some(fromPackage('glob'))).toBe(true);
  });

  it('puts in a stand-in that says why, should the library ever call it', async () => {
    const mine = [{
      module: 'glob', importer: /^<stdin>$/, why: 'the test never globs',
      exports: 'export const glob = unreached;',
    }];
    const { load } = await bundle("export { glob } from 'glob';", mine);
    const { glob } = await load() as { glob: () => unknown };

    expect(() => glob()).toThrow('glob is left out of the bundle: the test never globs');
  });
});
