import { Agent } from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { defaultAlertRules } from '@turno/shared';
import { createSubscriptionStore } from '../api/src/db/subscriptions.ts';
import { createWebPushSender } from '../api/src/push/sender.ts';
import { startPushService } from '../api/src/push/testing/push-service.ts';
import { createTestDeps, type TestDeps } from '../api/src/testing/deps.ts';
import { readWatcherStatus } from '../api/src/watcher/watcher-state.ts';
import { ms, say, since, spread, table, verdict, waitFor, type BenchSection } from './section.ts';
import { deployedHandler, localLoop, type SpikeDriver } from './spike-drivers.ts';

const runs = Number(process.env.BENCH_SPIKE_RUNS ?? 10);
const intervalSeconds = Number(process.env.BENCH_WATCH_INTERVAL_S ?? 2);
const diskFull = JSON.stringify(
  'could not extend file "base/16398/1160232.23": No space left on device',
);
const threshold = defaultAlertRules['database-disk-full'].threshold;

/** Through the server's watcher loop. */
export const spikeToPushSection = () => spikeToPush(localLoop);

/** Through the deployed watcher Lambda's handler, beside a probe slower than its interval. */
export const spikeToPushLambdaSection = () => spikeToPush(deployedHandler);

/**
 * From the insert of the Sync_error row that crosses the disk-full threshold to the push that
 * the local push service accepted and decrypted, through the watcher `driver` runs, the real
 * alert rules, the PostgreSQL subscription store and the web-push sender. Each run lands at
 * another point of the watcher's interval, from just after a poll to just before the next.
 */
export async function spikeToPush(driver: SpikeDriver): Promise<BenchSection> {
  const service = await startPushService();
  const agent = new Agent({ ca: service.ca, keepAlive: true });
  let deps: TestDeps | undefined;
  let writer: pg.Client | undefined;
  let watcher: { stop(): Promise<void> } | undefined;
  try {
    deps = await createTestDeps({
      config: { watchIntervalSeconds: intervalSeconds }, probes: driver.probes(intervalSeconds),
    });
    const store = createSubscriptionStore(deps.statePool);
    const phone = service.subscribe();
    await store.save({ endpoint: phone.json.endpoint, ...phone.json.keys, userName: 'operador' });
    deps.pusher = createWebPushSender(store, deps.keys.vapid, {
      ttlSeconds: deps.config.pushTtlSeconds, log: deps.log, agent,
    });
    writer = new pg.Client({ connectionString: deps.database?.url });
    await writer.connect();
    const client = writer;
    const state = deps.statePool;
    const insert = async (count: number) => {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO "Sync_error" (client_id, json_data, data_source_id, function_name)
          SELECT 58535, $1::json, 1, 'linde-mix-get-events' FROM generate_series(1, $2)
          RETURNING id::text AS id`, [diskFull, count],
      );
      return rows.at(-1)?.id ?? '0';
    };

    watcher = driver.start(deps, intervalSeconds);
    const latencies: number[] = [];
    const work: number[] = [];
    say(`  ${runs} spikes, watcher every ${intervalSeconds} s…`);
    for (let run = 0; run < runs; run += 1) {
      // A fresh page each run: the last alert resolved a day ago, past flap damping.
      await state.query(`UPDATE turno.alerts SET state = 'resolved',
        resolved_at = now() - interval '1 day', resolved_by = 'bench' WHERE state <> 'resolved'`);
      const below = await insert(threshold - 1);
      await waitFor(async () => {
        const { cursor } = await readWatcherStatus(state);
        return cursor !== null && BigInt(cursor) >= BigInt(below) ? true : undefined;
      }, intervalSeconds * 3000, 5);
      const delay = ((run + 0.5) / runs) * intervalSeconds * 1000;
      await sleep(delay);

      const before = service.received.length;
      const start = performance.now();
      await insert(1);
      await waitFor(() => (service.received.length > before ? true : undefined),
        intervalSeconds * 1000 + 10_000);
      const took = since(start);
      latencies.push(took);
      // The next poll was due about one interval after the cursor moved, less the delay.
      work.push(took - (intervalSeconds * 1000 - delay));
    }
    const wrong = service.received.filter((push) => (push.payload as { card?: string }).card
      !== '4.1');
    if (wrong.length > 0 || service.rejected.length > 0) {
      throw new Error(`pushes not for card 4.1 or rejected: ${wrong.length}, `
        + `${service.rejected.length}`);
    }
    const stopping = watcher;
    watcher = undefined;
    await stopping.stop();
    return render(driver, latencies, work);
  } finally {
    await watcher?.stop();
    await writer?.end();
    await deps?.close();
    agent.destroy();
    await service.close();
  }
}

function render(driver: SpikeDriver, latencies: number[], work: number[]): BenchSection {
  const s = spread(latencies);
  const sorted = [...latencies].sort((a, b) => a - b);
  const median = sorted.length % 2 === 1
    ? sorted[(sorted.length - 1) / 2] ?? 0
    : ((sorted[sorted.length / 2 - 1] ?? 0) + (sorted[sorted.length / 2] ?? 0)) / 2;
  const targetMs = intervalSeconds * 1000 + 1000;
  const passed = s.count > 0 && s.max <= targetMs;
  const body = `${driver.describe(intervalSeconds)}, over a fresh database on the local
PostgreSQL, the default rule for a full database disk (${threshold} rows within 10 min), one
subscription in the PostgreSQL store and the web-push sender posting to the local HTTPS push
service, which checks VAPID and decrypts each message. Each run resolves the last alert (a day
ago, so it is not reopened as a flap), inserts ${threshold - 1} disk-full rows and waits for the
watcher to read them, then waits a further (run + ½) / ${runs} of an interval and inserts the
row that crosses the threshold; the time runs from just before that insert to the push service
accepting card 4.1. The interval is short here (\`BENCH_WATCH_INTERVAL_S\`) to keep the
benchmark short: the wait for the next poll is at most one interval, whatever its length, and
the rest is the watcher's own work; the local default of 15 s gives a target of 16 s, the
Lambda's 10 s one of 11 s. That work, estimated as each time less the wait for the next poll
(due one interval after the cursor moved), took ${ms(spread(work).p50, 0)} (median; max
${ms(spread(work).max, 0)}).

${table(['runs', 'median', 'min', 'max', 'each run', 'target', 'result'], [[
    String(s.count), ms(median, 0), ms(sorted[0] ?? 0, 0), ms(s.max, 0),
    latencies.map((v) => v.toFixed(0)).join(', '), `≤ ${ms(targetMs, 0)} (interval + 1 s)`,
    verdict(passed),
  ]])}
`;
  return {
    title: driver.title,
    target: `≤ watcher interval + 1 s (${ms(targetMs, 0)} at ${intervalSeconds} s)`,
    measured: `median ${ms(median, 0)}, max ${ms(s.max, 0)} over ${s.count} runs`,
    passed,
    body,
  };
}
