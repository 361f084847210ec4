import { cp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeMetafile, build, type BuildOptions, type Metafile } from 'esbuild';
import { lambdaSdk, sdkSchemasShakeable, type SdkSource } from './bundle-plugins.ts';
import { leaveOut, unreachedImports } from './unreached-imports.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
export const lambdaDir = join(root, 'dist/lambda');
const migrationsDir = join(root, 'api/src/db/migrations');

export const entryNames = ['api', 'authorizer', 'watcher'] as const;
export type EntryName = (typeof entryNames)[number];

export interface BundleReport {
  name: EntryName;
  dir: string;
  /** index.mjs and the chunks it imports before the handler runs. */
  startupBytes: number;
  /** Every .mjs of the bundle, chunks loaded on first use included. */
  totalBytes: number;
  /** Every file the stack zips and deploys: code, source maps, licences, migrations. */
  packageBytes: number;
  /** esbuild's metafile, also written to dist/lambda/<name>.meta.json (outside the package). */
  metafile: Metafile;
}

// ESM output has no `require`; CommonJS dependencies (pg, web-push) still call it.
const banner = [
  "import { createRequire as __turnoCreateRequire } from 'node:module';",
  'const require = __turnoCreateRequire(import.meta.url);',
].join('\n');

export interface BundleOptions {
  /** dist/lambda, what the stack deploys, unless given. */
  outDir?: string;
  names?: readonly EntryName[];
  /** The bench alone builds with the runtime's clients, to compare. */
  sdk?: SdkSource;
}

/** How every Lambda is built (nodejs22.x), also for tests that bundle one part the same way. */
export function lambdaBuildOptions(sdk: SdkSource = 'bundled') {
  return {
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    chunkNames: '[name]-[hash]',
    format: 'esm',
    platform: 'node',
    // ESM builds first: a dynamic import of a CommonJS chunk would only expose `default`.
    mainFields: ['module', 'main'],
    target: 'node20',
    minify: true,
    banner: { js: banner },
    plugins: [sdkSchemasShakeable, leaveOut(unreachedImports), lambdaSdk(sdk)],
    logLevel: 'warning',
  } satisfies BuildOptions;
}

/**
 * Builds one bundle per Lambda into dist/lambda/<name>/index.mjs for nodejs22.x. Dynamic imports
 * (one adapter per AWS service) become chunks beside it, loaded on first use.
 */
export async function bundleLambdas(options: BundleOptions = {}): Promise<BundleReport[]> {
  const outDir = options.outDir ?? lambdaDir;
  await rm(outDir, { recursive: true, force: true });
  const reports: BundleReport[] = [];
  for (const name of options.names ?? entryNames) {
    const dir = join(outDir, name);
    const result = await build({
      ...lambdaBuildOptions(options.sdk),
      entryPoints: { index: join(root, `api/src/lambda/${name}.ts`) },
      outdir: dir,
      sourcemap: 'linked',
      sourcesContent: false,
      legalComments: 'linked',
      metafile: true,
    });
    if (name !== 'authorizer') {
      // migrate.ts reads ./migrations beside the module, which in a bundle is index.mjs.
      await cp(migrationsDir, join(dir, 'migrations'), { recursive: true });
    }
    await writeFile(join(outDir, `${name}.meta.json`), JSON.stringify(result.metafile));
    reports.push({ name, dir, metafile: result.metafile, ...await sizes(dir, result.metafile) });
  }
  return reports;
}

async function sizes(dir: string, metafile: Metafile) {
  const outputs = metafile.outputs;
  const entry = Object.keys(outputs).find((path) => path.endsWith('/index.mjs'));
  const startup = new Set<string>();
  const visit = (path: string) => {
    if (startup.has(path)) return;
    startup.add(path);
    for (const imported of outputs[path]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  if (entry) visit(entry);
  const startupBytes = [...startup].reduce((sum, path) => sum + (outputs[path]?.bytes ?? 0), 0);
  let totalBytes = 0;
  let packageBytes = 0;
  for (const file of await readdir(dir, { recursive: true })) {
    const info = await stat(join(dir, file));
    if (!info.isFile()) continue;
    packageBytes += info.size;
    if (file.endsWith('.mjs')) totalBytes += info.size;
  }
  return { startupBytes, totalBytes, packageBytes };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

// `npm run bundle -- --analyze` also lists what each bundle holds, largest inputs first.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const report of await bundleLambdas()) {
    if (process.argv.includes('--analyze')) {
      process.stdout.write(await analyzeMetafile(report.metafile, { verbose: false }));
    }
    process.stdout.write(`${report.name.padEnd(10)} startup ${kib(report.startupBytes)
      .padStart(11)}  code ${kib(report.totalBytes).padStart(11)}  package ${
      kib(report.packageBytes).padStart(11)}  ${report.dir}\n`);
  }
}
