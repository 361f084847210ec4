import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import pg from 'pg';
import { createApp } from '../api/src/app.ts';
import { loadConfig } from '../api/src/config.ts';
import { createLogger } from '../api/src/log.ts';
import { createRuntime } from '../api/src/runtime.ts';
import { createTestDatabase } from '../api/src/testing/database.ts';
import { signIn } from '../api/src/testing/deps.ts';
import { runWatcherOnce } from '../api/src/watcher/run.ts';
import { forkTs, nextMessage, stopChild } from './child.ts';

export interface EstadoServer {
  /** http://127.0.0.1:<port>: `/api/*` is Turno's app, `/bare` a route that only answers. */
  url: string;
  token: string;
  openAlerts: number;
  /**
   * Requests to `/api/*` the server has received so far, and the queries it has sent to
   * PostgreSQL meanwhile, pings of idle connections included.
   */
  work(): Promise<Work>;
  close(): Promise<void>;
}

type Ready = { url: string; token: string; openAlerts: number };
export type Work = { requests: number; queries: number };

/** Turno's server in a process of its own, so the load tool does not share its event loop. */
export async function startEstadoServer(): Promise<EstadoServer> {
  const child = forkTs(import.meta.url, ['--serve']);
  const ready = await nextMessage<Ready>(child);
  const work = async () => (await (await fetch(`${ready.url}/bench/work`)).json()) as Work;
  return { ...ready, work, close: () => stopChild(child) };
}

/** Rows of three causes, fresh enough for the watcher to open an alert for each. */
const spikes = [
  ['"could not extend file \\"base/16398/1160232.23\\": No space left on device"', 3],
  ['"timeout of 4000ms exceeded"', 6],
  ['"Request failed with status code 429"', 6],
] as const;

/**
 * Composes the app as `npm run serve` does (the runtime over a fresh database on the local
 * PostgreSQL, sandbox cloud, dev sign-in), with logs formatted at info level and dropped, and
 * three open alerts for Estado to show.
 */
async function serveEstado(): Promise<void> {
  const database = await createTestDatabase();
  const config = loadConfig({ DATABASE_URL: database.url, DEV_SIGN_IN: 'on', PORT: '0' });
  const log = createLogger({ level: 'info', sink: () => undefined });
  const runtime = await createRuntime(config, log);
  const writer = new pg.Client({ connectionString: database.url });
  await writer.connect();
  for (const [message, count] of spikes) {
    await writer.query(`INSERT INTO "Sync_error" (client_id, json_data, data_source_id,
      function_name) SELECT 58529, $1::json, 1, 'linde-mix-get-events'
      FROM generate_series(1, $2)`, [message, count]);
  }
  await writer.end();
  const run = await runWatcherOnce(runtime.deps);
  const counted = countQueries();

  const root = new Hono();
  root.get('/bare', (c) => c.text('ok'));
  root.get('/bench/work', (c) => c.json(counted));
  root.use('/api/*', async (_c, next) => {
    counted.requests += 1;
    await next();
  });
  root.route('/', createApp(runtime.deps));
  const token = await signIn(createApp(runtime.deps));
  const server = await new Promise<Server>((resolve) => {
    const started: Server = serve(
      { fetch: root.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started),
    ) as Server;
  });
  const { port } = server.address() as AddressInfo;
  process.on('disconnect', () => {
    server.closeAllConnections();
    server.close(() => {
      void runtime.close().then(() => database.drop()).then(() => process.exit(0));
    });
  });
  const ready: Ready = { url: `http://127.0.0.1:${port}`, token, openAlerts: run.opened.length };
  process.send?.(ready);
}

/** Counts every query a pg client of this process sends, from now on. */
function countQueries(): Work {
  const counted = { requests: 0, queries: 0 };
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
    counted.queries += 1;
    return query.apply(this, args);
  } as typeof pg.Client.prototype.query;
  return counted;
}

if (process.argv.includes('--serve')) await serveEstado();
