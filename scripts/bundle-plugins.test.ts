import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { literalKeys, sdkSchemasShakeable } from './bundle-plugins.ts';
import { plainTree } from './testing/plain-tree.ts';

const require = createRequire(import.meta.url);
const schedulerSchemas = join(
  dirname(require.resolve('@aws-sdk/client-scheduler/package.json')),
  'dist-es/schemas/schemas_0.js',
);

let outDir: string;
beforeAll(async () => { outDir = await mkdtemp(join(tmpdir(), 'turno-plugins-')); });
afterAll(() => rm(outDir, { recursive: true, force: true }));

/** Bundles `contents` (resolved from this folder) to one minified ESM file and returns it. */
async function bundle(name: string, contents: string, plugins: Plugin[]): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: import.meta.dirname, loader: 'js' },
    bundle: true, format: 'esm', platform: 'node', minify: true, write: false,
    mainFields: ['module', 'main'], plugins, logLevel: 'silent',
  });
  const file = join(outDir, `${name}.mjs`);
  await writeFile(file, result.outputFiles[0]?.text ?? '');
  return file;
}

describe('literalKeys', () => {
  it('writes each computed key as the string constant it names', () => {
    const source = 'const _eQN = "ec2QueryName";\nconst _xN = "xmlName";\n'
      + 'export var A$ = [3, n0, { [_eQN]: `Min`, [_xN]: _m }];';

    expect(literalKeys(source)).toBe('const _eQN = "ec2QueryName";\nconst _xN = "xmlName";\n'
      + 'export var A$ = [3, n0, { "ec2QueryName": `Min`, "xmlName": _m }];');
  });

  it('leaves a key computed when no string constant of the module names it', () => {
    const source = 'import { _i } from "./names";\nconst _t = `x${y}`;\n'
      + 'const o = { [_i]: 1, [_t]: 2 };';

    expect(literalKeys(source)).toBe(source);
  });

  it('touches neither arrays nor member access that name a constant', () => {
    const source = 'const _M = "Message";\nexport var E$ = [_M, [_M], x[_M], c ? [_M] : 0];';

    expect(literalKeys(source)).toBe(source);
  });

  it('keeps a "__proto__" key computed, which as a literal would set the prototype', () => {
    const source = 'const _p = "__proto__";\nconst o = { [_p]: 1 };';

    expect(literalKeys(source)).toBe(source);
  });
});

describe('sdkSchemasShakeable', () => {
  it('lets esbuild drop the schemas of the operations no command uses', async () => {
    const entry = `export { GetSchedule$ } from ${JSON.stringify(schedulerSchemas)};`;
    const read = (file: string) => readFile(file, 'utf8');

    const plain = await read(await bundle('one-plain', entry, []));
    const shaken = await read(await bundle('one-shaken', entry, [sdkSchemasShakeable]));

    expect(plain).toContain('CreateScheduleGroupInput');
    expect(shaken).not.toContain('CreateScheduleGroupInput');
    expect(shaken).toContain('GetScheduleInput');
  });

  it('keeps every schema of a client the same value it was', async () => {
    const entry = `export * from ${JSON.stringify(schedulerSchemas)};`;

    const plain = await import(pathToFileURL(await bundle('all-plain', entry, [])).href);
    const literal = await import(
      pathToFileURL(await bundle('all-literal', entry, [sdkSchemasShakeable])).href);

    expect(Object.keys(literal)).toContain('GetScheduleInput$');
    expect(plainTree(literal)).toEqual(plainTree(plain));
  });
});
