import { appendFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '../api/src/testing/database.ts';
import { bundleLambdas, type BundleReport } from '../scripts/bundle.ts';
import { apiCase, authorizerCase, benchSecrets, lambdaEnv, watcherCase } from './cases.ts';
import { measureRounds, summarize, type ColdStartCase } from './cold-start.ts';
import { startFakeSecretsManager } from './fake-secrets-manager.ts';
import { passes, renderReport, type BundleResult } from './report.ts';
import { renderSections, runSections } from './sections.ts';

const runs = Number(process.env.BENCH_RUNS ?? 10);
const reportPath = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
const budgets: Record<string, { sizeBudgetBytes: number; timeBudgetMs: number } | undefined> = {
  authorizer: { sizeBudgetBytes: 100 * 1024, timeBudgetMs: 20 },
  api: { sizeBudgetBytes: 1024 * 1024, timeBudgetMs: 150 },
};

const withMaps = 'api, source maps on';
const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  say('bundling…');
  const bundles = await bundleLambdas();
  const database = await createTestDatabase();
  const secrets = await startFakeSecretsManager(benchSecrets());
  try {
    // No password in the URL: the api and watcher take it from the (fake) Secrets Manager.
    const url = new URL(database.url);
    url.password = '';
    const env = (name: string) => lambdaEnv(name, url.toString(), secrets.url);
    const makers: Record<string, (bundle: BundleReport) => Promise<ColdStartCase>> = {
      authorizer: (b) => authorizerCase(b.dir),
      api: async (b) => apiCase(b.dir, env('api')),
      watcher: async (b) => watcherCase(b.dir, env('watcher')),
    };
    const cases: Record<string, ColdStartCase> = { empty: { env: {} } };
    for (const bundle of bundles) {
      const make = makers[bundle.name];
      if (make) cases[bundle.name] = await make(bundle);
    }
    // The stack sets NODE_OPTIONS=--enable-source-maps: Node then reads each chunk's map too.
    const api = cases.api;
    const sourceMaps = { NODE_OPTIONS: '--enable-source-maps' };
    if (api) cases[withMaps] = { ...api, env: { ...api.env, ...sourceMaps } };

    say(`${runs} rounds of ${Object.keys(cases).join(', ')}…`);
    const samples = await measureRounds(cases, runs);
    const empty = summarize((samples.empty ?? []).map((s) => s.sinceStartMs));
    const results: BundleResult[] = [];
    const rows: Array<{ name: string; bundle: BundleReport }> = bundles.map((bundle) => ({
      name: bundle.name, bundle,
    }));
    const apiBundle = bundles.find((bundle) => bundle.name === 'api');
    if (apiBundle) rows.splice(1, 0, { name: withMaps, bundle: apiBundle });
    for (const { name, bundle } of rows) {
      const taken = samples[name] ?? [];
      const result: BundleResult = {
        name,
        startupBytes: bundle.startupBytes,
        totalBytes: bundle.totalBytes,
        ...budgets[bundle.name],
        overEmpty: summarize(taken.map((s) => s.sinceStartMs - empty.median)),
        importMs: summarize(taken.map((s) => s.importMs)),
        firstRequestMs: summarize(taken.map((s) => s.firstRequestMs)),
        outcome: taken[0]?.outcome ?? '',
      };
      results.push(result);
      const verdict = passes(result);
      say(`  ${name}: ${result.overEmpty.median.toFixed(1)} ms over empty (p90 `
        + `${result.overEmpty.p90.toFixed(1)}), ${(bundle.startupBytes / 1024).toFixed(1)} KiB`
        + ` at startup${verdict === undefined ? '' : verdict ? ': pass' : ': FAIL'}`);
    }
    await writeFile(reportPath, renderReport(results, empty, runs));
    say(`wrote ${reportPath}`);
    if (results.some((result) => passes(result) === false)) process.exitCode = 1;
  } finally {
    await secrets.close();
    await database.drop();
  }
  const more = await runSections();
  await appendFile(reportPath, renderSections(more));
  say(`appended issue 4's benchmarks to ${reportPath}`);
  if (more.sections.some((section) => section.passed === false)) process.exitCode = 1;
}

await main();
