import { cpus, freemem, totalmem, type as osType, release } from 'node:os';
import type { Summary } from './cold-start.ts';

export interface BundleResult {
  name: string;
  startupBytes: number;
  totalBytes: number;
  sizeBudgetBytes?: number;
  overEmpty: Summary;
  importMs: Summary;
  firstRequestMs: Summary;
  timeBudgetMs?: number;
  outcome: string;
}

const columns = [
  'bundle', 'startup size', 'total size', 'size budget',
  'cold start over empty Node (median / p90)', 'time budget',
  'import / first request (median)', 'first request answered', 'result',
];

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const verdict = (ok: boolean | undefined) => (ok === undefined ? '—' : ok ? 'pass' : '**FAIL**');

/** A result passes when its startup size and its median cold start are within budget. */
export function passes(result: BundleResult): boolean | undefined {
  if (result.sizeBudgetBytes === undefined || result.timeBudgetMs === undefined) return undefined;
  return result.startupBytes <= result.sizeBudgetBytes
    && result.overEmpty.median <= result.timeBudgetMs;
}

export function renderReport(results: BundleResult[], empty: Summary, runs: number): string {
  const cpu = cpus();
  const machine = `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, `
    + `${(totalmem() / 2 ** 30).toFixed(1)} GiB memory (${(freemem() / 2 ** 30).toFixed(1)} free), `
    + `Node ${process.version}, ${osType()} ${release()}`;
  const rows = results.map((r) => [
    r.name, kib(r.startupBytes), kib(r.totalBytes),
    r.sizeBudgetBytes === undefined ? '—' : `≤ ${kib(r.sizeBudgetBytes)}`,
    `${ms(r.overEmpty.median)} / ${ms(r.overEmpty.p90)}`,
    r.timeBudgetMs === undefined ? '—' : `≤ ${ms(r.timeBudgetMs)}`,
    `${ms(r.importMs.median)} / ${ms(r.firstRequestMs.median)}`,
    r.outcome, verdict(passes(r)),
  ].join(' | '));
  return `# Benchmarks

Written by \`npm run bench\` (\`bench/index.ts\`); do not edit by hand.

- **Date:** ${new Date().toISOString()}
- **Machine:** ${machine}
- **Runs:** ${runs} rounds after one unmeasured warm-up round; each round starts an empty Node
  process and every bundle once, in turn, so load from elsewhere falls on all alike. An empty
  process (\`node --input-type=module -e\`) takes ${ms(empty.median)} (median, p90
  ${ms(empty.p90)}) from its time origin to its last line.
- Lambda runs \`nodejs22.x\`; this machine runs the Node above, so read the numbers as a
  comparison between bundles and against the budgets, not as Lambda's own figures.

## Lambda bundles

Each bundle is built by \`npm run bundle\` (esbuild, ESM, minified, AWS SDK bundled). A cold
start is a fresh \`node\` process that imports the bundle and invokes its handler once; it is
timed inside the child from the process's time origin to the end of that first request, and
the same time for an empty process is taken away. Startup size counts \`index.mjs\` and the
chunks it imports statically; total size adds the chunks each AWS service loads on first use.

| ${columns.join(' | ')} |
|${columns.map(() => '---').join('|')}|
${rows.map((row) => `| ${row} |`).join('\n')}

- **authorizer:** verifies a Cognito access token signed with a local RSA key, the JWKS
  preloaded with \`cacheJwks\` (on AWS the first request also fetches the pool's JWKS once).
- **api:** \`GET /api/alerts\` as a viewer named by the authorizer context: loads the Secrets
  Manager client, reads the database and VAPID secrets from a Secrets Manager served on
  127.0.0.1, opens the pool to the local PostgreSQL, checks migrations, reads the alerts. No
  other AWS client is loaded: Scheduler, RDS, CloudWatch, EC2, SSM and Logs are each imported
  on the first request that needs them, and web-push on the first alert.
- **api, source maps on:** the same, with \`NODE_OPTIONS=--enable-source-maps\` as the stack
  sets it: Node then reads the map of every chunk it loads. Turno's logs carry no stack traces
  (\`errorFields\`), so the maps help only with crashes outside the logger.
- **watcher:** one pass over \`Sync_error\` (the deadline given stops it after one run), same
  set-up as the api.
- Budgets (issue 3): authorizer ≤ 100 KB and ≤ 20 ms over empty Node; api ≤ 1 MB and ≤ 150 ms.
  A bundle passes when its startup size and its median are within them. Lambda's own
  start (runtime, network, VPC) is not included: this measures what our code adds.
`;
}
