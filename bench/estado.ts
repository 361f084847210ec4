import { evenLoad, maxLoad, type LoadResult } from './even-load.ts';
import { startEstadoServer } from './estado-server.ts';
import { ms, say, spread, table, verdict, type BenchSection } from './section.ts';

const rate = 200;
const seconds = Number(process.env.BENCH_ESTADO_SECONDS ?? 20);
const maxSeconds = 10;
const maxConnections = 10;
const targetP99Ms = 25;

interface Row {
  name: string;
  load: string;
  result: LoadResult;
  /** Queries sent to PostgreSQL per request received; 0 for a route that sends none. */
  queries: number;
  target?: boolean;
}

/**
 * GET /api/status, signed in, at 200 requests a second evenly spaced, on Turno's server in a
 * process of its own; beside it a bare Hono route on the same server, evenly and flat out.
 */
export async function estadoSection(): Promise<BenchSection> {
  const server = await startEstadoServer();
  try {
    const status = { url: `${server.url}/api/status`, headers: {
      authorization: `Bearer ${server.token}`,
    } };
    const check = await fetch(status.url, { headers: status.headers });
    const body = (await check.json()) as { openAlerts?: unknown[] };
    if (check.status !== 200 || body.openAlerts?.length !== server.openAlerts) {
      throw new Error(`GET /api/status answered ${check.status}`);
    }
    const bare = { url: `${server.url}/bare`, headers: {} };
    const even = `${rate}/s evenly spaced, ${seconds} s`;
    const flat = `flat out, ${maxConnections} connections, ${maxSeconds} s`;
    const rows: Row[] = [];
    const measure = async (name: string, load: string, run: () => Promise<LoadResult>) => {
      const before = await server.work();
      const result = await run();
      const after = await server.work();
      const queries = (after.queries - before.queries)
        / Math.max(1, after.requests - before.requests);
      const row: Row = { name, load, result, queries };
      rows.push(row);
      return row;
    };
    // Unmeasured: opens the pools' connections and lets V8 compile the hot paths first.
    await maxLoad(status, maxConnections, 2);
    await maxLoad(bare, maxConnections, 1);
    say(`  GET /api/status at ${even}…`);
    (await measure('GET /api/status', even, () => evenLoad(status, rate, seconds))).target = true;
    say(`  GET /bare at ${even}, then both ${flat}…`);
    await measure('GET /bare', even, () => evenLoad(bare, rate, seconds));
    await measure('GET /bare (ceiling)', flat, () => maxLoad(bare, maxConnections, maxSeconds));
    await measure('GET /api/status', flat, () => maxLoad(status, maxConnections, maxSeconds));
    return render(rows, server.openAlerts);
  } finally {
    await server.close();
  }
}

function render(rows: Row[], openAlerts: number): BenchSection {
  const main = rows.find((row) => row.target);
  const mainSpread = spread(main?.result.latencies ?? []);
  const passed = main !== undefined && main.result.failed === 0 && mainSpread.count > 0
    && mainSpread.p99 <= targetP99Ms;
  const ceiling = rows.find((row) => row.name.includes('ceiling'));
  const lines = rows.map(({ name, load, result, queries, target }) => {
    const s = spread(result.latencies);
    return [
      name, load, result.completed.toLocaleString('en'), String(result.failed), ms(s.p50, 2),
      ms(s.p99, 2), ms(s.max, 1), `${result.throughput.toFixed(0)}/s`, queries.toFixed(2),
      target ? `p99 ≤ ${targetP99Ms} ms` : '—', target ? verdict(passed) : 'for comparison',
    ];
  });
  const text = `Turno's app composed as \`npm run serve\` composes it (\`createRuntime\` over a
fresh database on the local PostgreSQL, sandbox cloud, access logs formatted at info level and then
dropped) and served by \`@hono/node-server\` in a process of its own, with ${openAlerts} open
alerts for Estado to list; \`/bare\` is a Hono route on the same server that only answers "ok".
The load comes from autocannon in the benchmark's process: for the even rate, ${rate}
connections each send one request a second, started 1/${rate} s apart (autocannon's own rate
limit sends a connection's quota for a second in one burst); flat out, ${maxConnections}
keep-alive connections send back to back. Latency is autocannon's per response, from the
request written to the response read; queries are those the server sent to PostgreSQL,
counted in its pg clients, per request it received. Each request reads the open alerts with
their counts per function, the watcher's state, the probes' state, the newest audit id and
Estado's cloud snapshot (used on AWS only) in one query of five statements; the databases and
paused schedules come from the sandbox cloud,
read again only after 10 s or after an audited action (\`api/src/status/estado-cloud.ts\`). Two
seconds of unmeasured load go first, so the pools' connections are open and the hot paths
compiled. The load tool and the server share this machine's two cores.

${table(['route', 'load', 'responses', 'failed', 'p50', 'p99', 'max', 'throughput',
    'queries / request', 'target', 'result'], lines)}
`;
  return {
    title: 'Estado endpoint under load',
    target: `p99 ≤ ${targetP99Ms} ms at ${rate} req/s`,
    measured: `p50 ${ms(mainSpread.p50, 2)}, p99 ${ms(mainSpread.p99, 2)}`
      + ` (bare route ceiling ${ceiling?.result.throughput.toFixed(0) ?? '?'} req/s)`,
    passed,
    body: text,
  };
}
