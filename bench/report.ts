import { cpus, freemem, totalmem, type as osType, release } from 'node:os';
import type { Summary } from './cold-start.ts';
import type { StackFunction } from './stack-env.ts';

export interface BundleResult {
  name: string;
  /** index.mjs and the chunks it imports statically. */
  startupBytes: number;
  /** Every file the cold start loaded: startup, chunks the first request imported, outside. */
  loadedBytes: number;
  /** Part of loadedBytes from outside the bundle (a package left to the runtime). */
  outsideBytes: number;
  totalBytes: number;
  packageBytes: number;
  sizeBudgetBytes?: number;
  overEmpty: Summary;
  /** CPU time over an empty process's: what other processes' load disturbs least. */
  cpuOverEmpty: Summary;
  importMs: Summary;
  firstRequestMs: Summary;
  timeBudgetMs?: number;
  outcome: string;
}

export interface ReportContext {
  /** How the stack runs the api. */
  stack: StackFunction;
  /** The row measuring the api with source maps switched the other way. */
  variant: string;
  /** The row measuring the api built with the runtime's SDK clients. */
  runtimeSdk: string;
  /** The row measuring the api reading Estado's cloud parts live. */
  live: string;
  /** One-minute load average before and after the rounds. */
  load: [number, number];
}

const columns = [
  'bundle', 'startup', 'loaded by the cold start', 'all code', 'package', 'size budget (all code)',
  'cold start over empty Node (median / p90)', 'CPU time over empty (median)', 'time budget',
  'import / first request (median)', 'first request answered', 'result',
];

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const verdict = (ok: boolean | undefined) => (ok === undefined ? '—' : ok ? 'pass' : '**FAIL**');

/** A result passes when all its code (every .mjs) and its median are within budget. */
export function passes(result: BundleResult): boolean | undefined {
  if (result.sizeBudgetBytes === undefined || result.timeBudgetMs === undefined) return undefined;
  return result.totalBytes <= result.sizeBudgetBytes
    && result.overEmpty.median <= result.timeBudgetMs;
}

function row(r: BundleResult): string {
  const outside = r.outsideBytes > 0 ? ` (${kib(r.outsideBytes)} outside the bundle)` : '';
  return [
    r.name, kib(r.startupBytes), `${kib(r.loadedBytes)}${outside}`, kib(r.totalBytes),
    kib(r.packageBytes), r.sizeBudgetBytes === undefined ? '—' : `≤ ${kib(r.sizeBudgetBytes)}`,
    `${ms(r.overEmpty.median)} / ${ms(r.overEmpty.p90)}`, ms(r.cpuOverEmpty.median),
    r.timeBudgetMs === undefined ? '—' : `≤ ${ms(r.timeBudgetMs)}`,
    `${ms(r.importMs.median)} / ${ms(r.firstRequestMs.median)}`,
    r.outcome, verdict(passes(r)),
  ].join(' | ');
}

/** What NODE_OPTIONS the stack gives the api, and what the variant row measures. */
function sourceMapsNote({ stack, variant }: ReportContext): string {
  const set = stack.nodeOptions === undefined
    ? 'The stack sets no `NODE_OPTIONS`, so the api row runs without source maps'
    : `The stack sets \`NODE_OPTIONS=${stack.nodeOptions}\`, and the api row runs with it`;
  return `- **${variant}:** the api's case with \`--enable-source-maps\` switched the other way,
  to show what switching it costs; no verdict, since the stack does not run it so.
  ${set}.
  With source maps on, Node reads the map of every chunk it loads; Turno's logs carry no
  stack traces (\`errorFields\`), so the maps help only with crashes outside the logger.`;
}

/** Where the api reads its secrets, as the stack deploys it. */
const secretsSource = (stack: StackFunction) => (stack.secretsExtension
  ? 'through the Parameters and Secrets extension' : 'from Secrets Manager');

export function renderReport(
  results: BundleResult[], empty: Summary, runs: number, context: ReportContext,
): string {
  const cpu = cpus();
  const machine = `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, `
    + `${(totalmem() / 2 ** 30).toFixed(1)} GiB memory `
    + `(${(freemem() / 2 ** 30).toFixed(1)} free), `
    + `Node ${process.version}, ${osType()} ${release()}`;
  const { stack } = context;
  return `# Benchmarks

Written by \`npm run bench\` (\`bench/index.ts\`); do not edit by hand. \`npm run bench --
cold-start\` rewrites only this first part, \`npm run bench -- alerting\` only the second.

- **Date:** ${new Date().toISOString()}
- **Machine:** ${machine}
- **Runs:** ${runs} rounds after one unmeasured warm-up round; each round starts an empty Node
  process and every bundle once, in turn, so load from elsewhere falls on all alike.
  One-minute load average: ${context.load[0].toFixed(2)} before the rounds,
  ${context.load[1].toFixed(2)} after. An empty process (\`node --input-type=module -e\`)
  takes ${ms(empty.median)} (median, p90 ${ms(empty.p90)}) from its time origin to its last
  line.
- The stack runs the api on \`${stack.runtime}\` with ${stack.memoryMb} MB; this machine
  runs the Node above, so read the numbers as a comparison between bundles and against the
  budgets, not as Lambda's own figures.

## Lambda bundles

Each bundle is built by \`npm run bundle\` (esbuild, ESM, minified, every AWS SDK client
bundled: none is taken from the runtime's SDK). A cold start is a fresh \`node\` process that
imports the bundle and invokes its handler once; it is timed inside the child from the
process's time origin to the end of that first request, and the same time for an empty process
is taken away. Beside it, the CPU time the process used (all its threads) less an empty
process's: the machine is shared, and CPU time is what load from elsewhere disturbs least;
the budget still holds for the time. The AWS calls go to a fake AWS on 127.0.0.1 that
answers each service in its own wire protocol (\`bench/fake-aws.ts\`); a function the stack
gives the Parameters and Secrets extension reads its secrets from a fake of that extension
instead (\`api/src/testing/secrets-extension.ts\`).

Sizes: **startup** is \`index.mjs\` and the chunks it imports statically; **loaded by the cold
start** adds every chunk the first request imported (and any file from outside the bundle),
listed by a loader hook in one more, untimed, run; **all code** is every \`.mjs\` of the bundle;
**package** is every file the stack zips and deploys (code, source maps, licences,
migrations), before compression. The size budget is checked against **all code**, every
chunk the bundle ships, those no cold start loads included; what the cold start loaded is
shown beside it, as the part a cold start parses and runs.

| ${columns.join(' | ')} |
|${columns.map(() => '---').join('|')}|
${results.map((result) => `| ${row(result)} |`).join('\n')}

- **authorizer:** verifies a Cognito access token signed with a local RSA key, the JWKS
  preloaded with \`cacheJwks\` (on AWS the first request also fetches the pool's JWKS once).
- **api:** \`GET /api/status\` as a viewer named by the authorizer context: the call the PWA's
  home page (Estado) makes when a technician opens it. The cold start reads the database and
  VAPID secrets
  ${secretsSource(stack)},
  opens the pool to the local PostgreSQL and checks the migrations; the request reads the
  alerts, the watcher, the probes and Estado's cloud snapshot from PostgreSQL in one round
  trip. As deployed, the watcher refreshes that snapshot (the two RDS instances, their
  CloudWatch metrics, the paused schedules) every minute, so the start loads no RDS,
  CloudWatch or Scheduler client; the bench checks after each start that the fake AWS was
  asked nothing but secrets. EC2, SSM, CloudWatch Logs, web-push and the routes of every
  other path under \`/api\` are not loaded: each is imported by the first request that
  needs it.
- **${context.live}:** the api's case with the snapshot deleted first, as when the
  watcher has stopped for 90 s or an action has just changed something: the request reads
  the instances (RDS), their metrics (CloudWatch) and the schedules (EventBridge Scheduler:
  the list, then each paused managed schedule in full), and stores what it read for the next
  container, which is where the api row's snapshot comes from here. No verdict: the budget
  is for the start a technician meets.
${sourceMapsNote(context)}
- **${context.runtimeSdk}:** the case of "${context.live}" (the one that
  loads SDK clients), built with every \`@aws-sdk/client-*\` left out of the bundle for the
  runtime's SDK to provide (here resolved from \`node_modules\`: the same version, CommonJS
  like the runtime's); no verdict, since the stack does not deploy it so. It is the choice
  not made: bundled, the clients are the version the adapters were tested with
  (\`aws-sdk-client-mock\`), and this row compares what the cold start loads, outside files
  included, and its time on every run.
- **watcher:** one pass over \`Sync_error\` (the deadline given stops it after one run), same
  set-up as the api.
- Budgets (issue 3): authorizer ≤ 100 KB and ≤ 20 ms over empty Node; api ≤ 1 MB and ≤ 150 ms.
  A bundle passes when all its code and its median cold start are within them.
  Lambda's own start (runtime, network, VPC, TLS to RDS) is not included: this measures what
  our code adds.
`;
}
