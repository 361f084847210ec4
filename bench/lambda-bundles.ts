import { join } from 'node:path';
import { loadavg } from 'node:os';
import { createTestDatabase } from '../api/src/testing/database.ts';
import { startFakeSecretsExtension } from '../api/src/testing/secrets-extension.ts';
import { bundleLambdas, lambdaDir, type BundleReport } from '../scripts/bundle.ts';
import {
  apiCase, authorizerCase, benchSecrets, benchSessionToken, lambdaEnv, watcherCase,
} from './cases.ts';
import { measureRounds, summarize, type ColdStartCase } from './cold-start.ts';
import { estadoCases } from './estado-cases.ts';
import { startFakeAws } from './fake-aws.ts';
import { loadedCode } from './loaded-code.ts';
import { passes, renderReport, type BundleResult } from './report.ts';
import { say } from './section.ts';
import { stackFunctions } from './stack-env.ts';

const budgets: Record<string, { sizeBudgetBytes: number; timeBudgetMs: number } | undefined> = {
  authorizer: { sizeBudgetBytes: 100 * 1024, timeBudgetMs: 20 },
  api: { sizeBudgetBytes: 1024 * 1024, timeBudgetMs: 150 },
};

const sourceMapsFlag = '--enable-source-maps';
/** The api as it would be with every SDK client left to the runtime: the choice not made. */
const runtimeSdkRow = 'api, SDK clients from the runtime';
/** The api when Estado's snapshot is missing or stale: it reads RDS, CloudWatch, Scheduler. */
const liveRow = 'api, Estado read live';

/** NODE_OPTIONS with source maps switched the other way from `options`. */
function otherSourceMaps(options: string | undefined): { name: string; options: string } {
  const words = (options ?? '').split(/\s+/).filter(Boolean);
  const others = words.filter((word) => word !== sourceMapsFlag);
  return words.includes(sourceMapsFlag)
    ? { name: 'api, source maps off', options: others.join(' ') }
    : { name: 'api, source maps on', options: [...others, sourceMapsFlag].join(' ') };
}

/**
 * The "Lambda bundles" part of docs/benchmarks.md: builds the bundles, then starts each one
 * cold, in rounds, against a local PostgreSQL and a fake AWS. The api runs with the
 * NODE_OPTIONS the stack gives it, once more with source maps switched the other way, and
 * once built with the runtime's SDK clients (resolved here from node_modules).
 */
export async function lambdaBundlesPart(runs: number): Promise<{ text: string; ok: boolean }> {
  say('bundling…');
  const bundles = await bundleLambdas();
  const [runtimeSdkApi] = await bundleLambdas({
    outDir: `${lambdaDir}-runtime-sdk`, names: ['api'], sdk: 'runtime',
  });
  say('reading the stack…');
  const stacks = stackFunctions('api', 'watcher');
  const stack = stacks.api;
  const variant = otherSourceMaps(stack.nodeOptions);
  const database = await createTestDatabase();
  const secrets = benchSecrets();
  const aws = await startFakeAws(secrets);
  const extension = await startFakeSecretsExtension(secrets, benchSessionToken);
  const closers: Array<() => Promise<void>> = [];
  try {
    // No password in the URL: the api and watcher take it from a (fake) secret.
    const url = new URL(database.url);
    url.password = '';
    // The secrets extension where the stack gives a function its layer, as deployed.
    const served = { port: extension.port, token: benchSessionToken };
    const env = (name: 'api' | 'watcher') => lambdaEnv(
      name, url.toString(), aws.endpoints, stacks[name].secretsExtension ? served : undefined,
    );
    const asDeployed: Record<string, string> = stack.nodeOptions === undefined
      ? {} : { NODE_OPTIONS: stack.nodeOptions };
    const makers: Record<string, (bundle: BundleReport) => Promise<ColdStartCase>> = {
      authorizer: (b) => authorizerCase(b.dir),
      api: async (b) => apiCase(b.dir, { ...env('api'), ...asDeployed }),
      watcher: async (b) => watcherCase(b.dir, env('watcher')),
    };
    const cases: Record<string, ColdStartCase> = { empty: { env: {} } };
    const rows: Array<{ name: string; bundle: BundleReport }> = [];
    for (const bundle of bundles) {
      let made = await makers[bundle.name]?.(bundle);
      if (!made) continue;
      if (bundle.name === 'api') {
        // Measured first in each round: its live read leaves the snapshot the api row uses.
        const estado = estadoCases(made, database.url, aws);
        closers.push(estado.close);
        cases[liveRow] = estado.live;
        made = estado.fromSnapshot;
      }
      cases[bundle.name] = made;
      rows.push({ name: bundle.name, bundle });
      if (bundle.name !== 'api') continue;
      rows.push({ name: liveRow, bundle });
      cases[variant.name] = { ...made, env: { ...made.env, NODE_OPTIONS: variant.options } };
      rows.push({ name: variant.name, bundle });
      if (!runtimeSdkApi) continue;
      // Read live: from the snapshot the api loads no SDK client, so bundling them shows there.
      const live = cases[liveRow] ?? made;
      cases[runtimeSdkRow] = { ...live, bundle: join(runtimeSdkApi.dir, 'index.mjs') };
      rows.push({ name: runtimeSdkRow, bundle: runtimeSdkApi });
    }

    say(`${runs} rounds of ${Object.keys(cases).join(', ')}…`);
    const loadBefore = loadavg()[0] ?? 0;
    const samples = await measureRounds(cases, runs);
    const load: [number, number] = [loadBefore, loadavg()[0] ?? 0];
    const empty = summarize((samples.empty ?? []).map((s) => s.sinceStartMs));
    const emptyCpu = summarize((samples.empty ?? []).map((s) => s.cpuMs));
    const results: BundleResult[] = [];
    for (const { name, bundle } of rows) {
      const taken = samples[name] ?? [];
      const spec = cases[name];
      const loaded = spec ? await loadedCode(spec) : { bundleBytes: 0, outsideBytes: 0 };
      const result: BundleResult = {
        name,
        startupBytes: bundle.startupBytes,
        loadedBytes: loaded.bundleBytes + loaded.outsideBytes,
        outsideBytes: loaded.outsideBytes,
        totalBytes: bundle.totalBytes,
        packageBytes: bundle.packageBytes,
        // Budgets hold for the api as the stack runs it, not for the variants.
        ...name === bundle.name ? budgets[bundle.name] : {},
        overEmpty: summarize(taken.map((s) => s.sinceStartMs - empty.median)),
        cpuOverEmpty: summarize(taken.map((s) => s.cpuMs - emptyCpu.median)),
        importMs: summarize(taken.map((s) => s.importMs)),
        firstRequestMs: summarize(taken.map((s) => s.firstRequestMs)),
        outcome: taken[0]?.outcome ?? '',
      };
      results.push(result);
      const verdict = passes(result);
      say(`  ${name}: ${result.overEmpty.median.toFixed(1)} ms over empty (p90 `
        + `${result.overEmpty.p90.toFixed(1)}, CPU ${result.cpuOverEmpty.median.toFixed(1)}), `
        + `${(result.totalBytes / 1024).toFixed(1)} KiB of code, `
        + `${(result.loadedBytes / 1024).toFixed(1)} KiB loaded`
        + `${verdict === undefined ? '' : verdict ? ': pass' : ': FAIL'}`);
    }
    const unexpected = Object.keys(aws.calls()).filter((call) => call.startsWith('unexpected'));
    if (unexpected.length > 0) say(`  the fake AWS refused: ${unexpected.join('; ')}`);
    say(`  secrets read: ${extension.asked.length} through the fake extension, `
      + `${aws.calls().GetSecretValue ?? 0} from the fake Secrets Manager`);
    const text = renderReport(results, empty, runs, {
      stack, variant: variant.name, runtimeSdk: runtimeSdkRow, live: liveRow, load,
    });
    return { text, ok: results.every((result) => passes(result) !== false) };
  } finally {
    for (const close of closers) await close();
    await extension.close();
    await aws.close();
    await database.drop();
  }
}
