import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leaveOut, unreachedImports, type UnreachedImport } from './unreached-imports.ts';

let outDir: string;
beforeAll(async () => { outDir = await mkdtemp(join(tmpdir(), 'turno-unreached-')); });
afterAll(() => rm(outDir, { recursive: true, force: true }));

/** Bundles `contents` with the plugin; returns the input files and the bundle as a module. */
async function bundle(contents: string, imports: readonly UnreachedImport[] = unreachedImports) {
  const result = await build({
    stdin: { contents, resolveDir: import.meta.dirname, loader: 'js' },
    bundle: true, format: 'esm', platform: 'node', write: false, metafile: true,
    mainFields: ['module', 'main'], plugins: [leaveOut(imports)], logLevel: 'silent',
  });
  const file = join(outDir, `bundle-${Math.random().toString(36).slice(2)}.mjs`);
  await writeFile(file, result.outputFiles[0]?.text ?? '');
  const inputs = Object.keys(result.metafile.inputs);
  return { inputs, load: () => import(pathToFileURL(file).href) as Promise<object> };
}

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
