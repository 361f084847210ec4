import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** What one child process measured, in milliseconds. */
export interface ColdStartSample {
  /** From the process's time origin to the end of the first request. */
  sinceStartMs: number;
  /** Importing the bundle (module load and top-level code). */
  importMs: number;
  /** The first invocation of the handler, container set-up included. */
  firstRequestMs: number;
  /** CPU time the process used (all threads), which load from elsewhere disturbs far less. */
  cpuMs: number;
  /** What the handler answered, to show the request did what it should. */
  outcome: string;
  /** With `traceLoads`: the file URLs the process loaded, ESM and CommonJS. */
  loaded?: string[];
}

export interface ColdStartCase {
  /** Absolute path of the bundle's index.mjs; undefined measures an empty Node process. */
  bundle?: string;
  /** JS expressions, evaluated in the child: the event, the context and code to run first. */
  event?: string;
  context?: string;
  setUp?: string;
  /** How the handler's answer reads in the report, as a JS expression over `result`. */
  outcome?: string;
  /** The outcome every run must report; anything else stops the bench. */
  expect?: string;
  env: Record<string, string>;
  /** Records every file loaded (a loader hook slows loading: never set in timed runs). */
  traceLoads?: boolean;
  /** Run in the bench's own process before and after each start, untimed: set-up, checks. */
  before?: () => Promise<void>;
  after?: () => Promise<void>;
}

const mark = 'TURNO_BENCH ';

// ESM loads reach the hook (in a thread of its own); CommonJS ones stay in require.cache.
const loadHook = `let seen = [];
  export function initialize({ port }) { port.on('message', () => port.postMessage(seen)); }
  export async function load(url, context, next) { seen.push(url); return next(url, context); }`;

const traceStart = `
  const { register, createRequire } = await import('node:module');
  const { MessageChannel } = await import('node:worker_threads');
  const channel = new MessageChannel();
  register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(loadHook)}),
    { data: { port: channel.port2 }, transferList: [channel.port2] });`;
const traceEnd = `
  const esm = await new Promise((resolve) => {
    channel.port1.once('message', resolve);
    channel.port1.postMessage('report');
  });
  const { pathToFileURL } = await import('node:url');
  const cjs = Object.keys(createRequire(import.meta.url).cache)
    .map((path) => pathToFileURL(path).href);
  const loaded = [...new Set([...esm, ...cjs])];`;

function childScript(spec: ColdStartCase): string {
  if (!spec.bundle) {
    return `const cpu = process.cpuUsage();
      process.stdout.write('${mark}' + JSON.stringify({ sinceStartMs: performance.now(),
        importMs: 0, firstRequestMs: 0, cpuMs: (cpu.user + cpu.system) / 1000,
        outcome: 'empty' }) + '\\n');`;
  }
  return `${spec.traceLoads ? traceStart : ''}
    const t0 = process.hrtime.bigint();
    const bundle = await import(${JSON.stringify(pathToFileURL(spec.bundle).href)});
    const t1 = process.hrtime.bigint();
    ${spec.setUp ?? ''}
    const result = await bundle.handler(${spec.event ?? '{}'}, ${spec.context ?? '{}'});
    const t2 = process.hrtime.bigint();
    const ms = (from, to) => Number(to - from) / 1e6;
    const cpu = process.cpuUsage();
    ${spec.traceLoads ? traceEnd : 'const loaded = undefined;'}
    process.stdout.write('${mark}' + JSON.stringify({
      sinceStartMs: performance.now(), importMs: ms(t0, t1), firstRequestMs: ms(t1, t2),
      cpuMs: (cpu.user + cpu.system) / 1000,
      outcome: String(${spec.outcome ?? 'JSON.stringify(result)'}), loaded,
    }) + '\\n');
    process.exit(0);`;
}

/** Starts a fresh `node` that imports the bundle and invokes its handler once. */
export function measureOnce(spec: ColdStartCase): Promise<ColdStartSample> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', childScript(spec)], {
      env: { PATH: process.env.PATH ?? '', ...spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => { out += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { err += chunk.toString(); });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = out.split('\n').find((text) => text.startsWith(mark));
      if (code !== 0 || !line) {
        reject(new Error(`bench child exited ${code}: ${err.slice(-2000) || out.slice(-2000)}`));
        return;
      }
      const sample = JSON.parse(line.slice(mark.length)) as ColdStartSample;
      if (spec.expect !== undefined && sample.outcome !== spec.expect) {
        reject(new Error(`bench child answered "${sample.outcome}", not "${spec.expect}"`));
        return;
      }
      resolve(sample);
    });
  });
}

export interface Summary {
  median: number;
  p90: number;
}

/** Median and 90th percentile (nearest rank). */
export function summarize(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const half = sorted.length / 2;
  const median = sorted.length % 2 === 1
    ? sorted[Math.floor(half)] ?? 0
    : ((sorted[half - 1] ?? 0) + (sorted[half] ?? 0)) / 2;
  return { median, p90: at(0.9) ?? 0 };
}

/**
 * One unmeasured warm-up round (file cache, migrations), then `runs` rounds; each round starts
 * every case once, in turn, so load from elsewhere on the machine falls on all of them alike.
 */
export async function measureRounds(
  cases: Record<string, ColdStartCase>, runs: number,
): Promise<Record<string, ColdStartSample[]>> {
  const samples: Record<string, ColdStartSample[]> = {};
  for (let round = -1; round < runs; round += 1) {
    for (const [name, spec] of Object.entries(cases)) {
      await spec.before?.();
      const sample = await measureOnce(spec);
      await spec.after?.();
      if (round >= 0) (samples[name] ??= []).push(sample);
    }
  }
  return samples;
}
