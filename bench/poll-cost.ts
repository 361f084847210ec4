import pg from 'pg';
import { createUpPool } from '../api/src/db/pools.ts';
import { selectSyncErrors, syncErrorColumn } from '../api/src/db/sync-error-table.ts';
import { testConfig } from '../api/src/testing/deps.ts';
import { newRowsQuery, readNewRows } from '../api/src/watcher/sync-error-reader.ts';
import { renderPollCost, type PollCost } from './poll-cost-report.ts';
import { say, since, spread, type BenchSection } from './section.ts';
import { bigSyncError, newRowsSql, trim } from './sync-error-table.ts';

const tableRows = Number(process.env.BENCH_SYNC_ERROR_ROWS ?? 10_000_000);
const newRows = 100;
const warmUp = 20;
const polls = Number(process.env.BENCH_POLLS ?? 500);
const naivePolls = 10;

/**
 * The watcher's poll on a Sync_error of 10 million rows: UP's Lambdas add 100 rows, then the
 * watcher's own reader (readNewRows on the read-only pool) reads after its cursor. Beside it,
 * the naive poll by time window on the unindexed created_at, as a table without Turno's
 * cursor would be read.
 */
export async function pollCostSection(): Promise<BenchSection> {
  const table = await bigSyncError(tableRows);
  const config = testConfig();
  const upPool = createUpPool(table.url, config);
  const writer = new pg.Client({ connectionString: table.url });
  await writer.connect();
  const deps = { upPool, config };
  const limit = config.syncError.batchSize;
  try {
    say(`  ${polls} cursor polls of ${newRows} new rows…`);
    let cursor = String(table.rows);
    const times: number[] = [];
    const read: number[] = [];
    for (let poll = 0; poll < warmUp + polls; poll += 1) {
      await writer.query(newRowsSql(newRows));
      const start = performance.now();
      const rows = await readNewRows(deps, cursor, limit);
      const took = since(start);
      cursor = rows.at(-1)?.id ?? cursor;
      if (poll >= warmUp) {
        times.push(took);
        read.push(rows.length);
      }
    }
    await writer.query(newRowsSql(newRows));
    const cursorPlan = await explain(upPool, newRowsQuery(config.syncError), [cursor, limit]);

    say(`  ${naivePolls} time-window polls…`);
    const created = syncErrorColumn(config.syncError.createdColumn);
    // Rows created since the last poll: the window a poller without a cursor would ask for.
    const windowQuery = `${selectSyncErrors(config.syncError)}
      WHERE ${created} > $1::timestamp ORDER BY ${created}`;
    const naive: number[] = [];
    const naiveRead: number[] = [];
    let last = '';
    for (let poll = 0; poll < 1 + naivePolls; poll += 1) {
      last = await serverTime(writer);
      await writer.query(newRowsSql(newRows));
      const start = performance.now();
      const { rowCount } = await upPool.query(windowQuery, [last]);
      if (poll > 0) {
        naive.push(since(start));
        naiveRead.push(rowCount ?? 0);
      }
    }
    const naivePlan = await explain(upPool, windowQuery, [last]);
    const result: PollCost = {
      table, polls: spread(times), rowsRead: spread(read), newRows, cursorPlan,
      naive: spread(naive), naiveRowsReturned: spread(naiveRead), naivePlan,
    };
    return renderPollCost(result);
  } finally {
    await writer.end();
    await upPool.end();
    await trim(table);
  }
}

async function serverTime(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ at: string }>('SELECT localtimestamp::text AS at');
  return rows[0]?.at ?? '';
}

/** EXPLAIN (ANALYZE, BUFFERS) of the query as the reader runs it, parameters included. */
async function explain(pool: pg.Pool, query: string, params: unknown[]): Promise<string> {
  const { rows } = await pool.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN (ANALYZE, BUFFERS) ${query}`, params,
  );
  return rows.map((row) => row['QUERY PLAN']).join('\n');
}
