import { ms, table, verdict, type BenchSection, type Spread } from './section.ts';
import type { BigSyncError } from './sync-error-table.ts';

export interface PollCost {
  table: BigSyncError;
  /** Time per cursor poll, from Node, and rows each returned. */
  polls: Spread;
  rowsRead: Spread;
  newRows: number;
  cursorPlan: string;
  naive: Spread;
  naiveRowsReturned: Spread;
  naivePlan: string;
}

const targetP95Ms = 3;

/** Rows the plan's scan node touched: returned plus filtered out, over all its loops. */
export function rowsScanned(plan: string, node: RegExp): number | undefined {
  const lines = plan.split('\n');
  const at = lines.findIndex((line) => node.test(line));
  if (at < 0) return undefined;
  const actual = /actual time=[\d.]+\.\.[\d.]+ rows=(\d+) loops=(\d+)/.exec(lines[at] ?? '');
  if (!actual) return undefined;
  const next = lines.slice(at + 1).find((line) => /Rows Removed by Filter|->/.test(line));
  const removed = /Rows Removed by Filter: (\d+)/.exec(next ?? '')?.[1];
  return (Number(actual[1]) + Number(removed ?? 0)) * Number(actual[2]);
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const count = (n: number | undefined) => (n === undefined ? '?' : n.toLocaleString('en'));

export function renderPollCost(r: PollCost): BenchSection {
  const indexScan = /Index Scan using "?Sync_error_pkey"? on "?Sync_error"?/;
  const scanned = rowsScanned(r.cursorPlan, indexScan);
  const naiveScanned = rowsScanned(r.naivePlan, /Seq Scan on "?Sync_error"?/);
  const exact = r.rowsRead.p50 === r.newRows && r.rowsRead.max === r.newRows
    && r.rowsRead.count > 0 && scanned === r.newRows;
  const passed = r.polls.p95 <= targetP95Ms && exact;
  const fill = r.table.filledMs === undefined
    ? 'kept from an earlier run'
    : `filled by this run in ${(r.table.filledMs / 1000).toFixed(0)} s`;
  const rows = [
    ['cursor on the primary key (`readNewRows`)', String(r.polls.count), ms(r.polls.p50, 2),
      ms(r.polls.p95, 2), ms(r.polls.max, 2), `${r.rowsRead.p50} (max ${r.rowsRead.max})`,
      count(scanned), `p95 ≤ ${targetP95Ms} ms, rows read = ${r.newRows}`, verdict(passed)],
    ['time window since the last poll, no index', String(r.naive.count), ms(r.naive.p50, 0),
      ms(r.naive.p95, 0), ms(r.naive.max, 0), `${r.naiveRowsReturned.p50}`,
      count(naiveScanned), '—', 'for comparison'],
  ];
  const body = `${r.table.rows.toLocaleString('en')} rows in \`Sync_error\` (the seed's columns,
one row every 3 s up to the fill; ${mib(r.table.tableBytes)} of table, ${mib(r.table.indexBytes)}
of index), in the database \`turno_bench\` on the local PostgreSQL: ${fill}; VACUUM ANALYZE
before measuring. Each poll: ${r.newRows} rows are inserted as UP's Lambdas would, then the
watcher's own reader (\`readNewRows\` over the read-only \`up\` pool, batch of 500) reads after
its cursor; the time is taken in Node around that call, after 20 unmeasured polls. The
time-window poll asks for the rows created since the last poll, ordered by the unindexed
\`created_at\`, as a poller without a cursor would. Rows scanned are from the EXPLAIN below
(a parallel plan shows per-worker averages, so that count is approximate).

${table(['poll', 'polls', 'p50', 'p95', 'max', 'rows returned (p50)', 'rows scanned',
    'target', 'result'], rows)}

The cursor poll, as PostgreSQL runs it:

\`\`\`
${r.cursorPlan}
\`\`\`

The time-window poll:

\`\`\`
${r.naivePlan}
\`\`\`
`;
  return {
    title: 'Poll cost on a Sync_error of 10 million rows',
    target: `p95 ≤ ${targetP95Ms} ms, rows read = new rows`,
    measured: `p95 ${ms(r.polls.p95, 2)}, ${r.rowsRead.p50} rows read for ${r.newRows} new `
      + `(time window: p50 ${ms(r.naive.p50, 0)})`,
    passed,
    body,
  };
}
