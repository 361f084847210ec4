import type { CardId, CategoryId } from '../diagnosis/types.ts';

/** A Sync_error row once diagnosed: what grouping and alerting need of it. */
export interface DiagnosedRow {
  id: string;
  createdAt: Date;
  category: CategoryId;
  card: CardId | null;
  functionName: string | null;
  dataSourceId: number | null;
}

/** How often each name occurs, most frequent first (ties by name); nulls are not counted. */
export function tally(values: Array<string | null>): Array<{ name: string; count: number }> {
  const counts = new Map<string, number>();
  for (const value of values) {
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Rows grouped by cause, in order of first appearance: one disk-full burst across four
 * functions is one group, hence one alert, not one per function.
 */
export function groupByCause<Row extends DiagnosedRow>(rows: Row[]): Map<CategoryId, Row[]> {
  const groups = new Map<CategoryId, Row[]>();
  for (const row of rows) {
    const group = groups.get(row.category);
    if (group) group.push(row);
    else groups.set(row.category, [row]);
  }
  return groups;
}

/** What an alert shows of its rows: count, time span, and counts per function and source. */
export interface CauseSummary {
  count: number;
  firstSeen: Date;
  lastSeen: Date;
  functions: Array<{ name: string; count: number }>;
  sources: Array<{ name: string; count: number }>;
}

/**
 * Summarises one cause's rows (at least one). `sourceName` turns a data source id into the
 * name UP shows (1 → MIX); unknown ids show as their number.
 */
export function summarizeCause(
  rows: DiagnosedRow[],
  sourceName: (id: number) => string | undefined = () => undefined,
): CauseSummary {
  // reduce, not Math.min(...times): a long burst would overflow the argument list.
  const times = rows.map((row) => row.createdAt.getTime());
  return {
    count: rows.length,
    firstSeen: new Date(times.reduce((a, b) => Math.min(a, b), Infinity)),
    lastSeen: new Date(times.reduce((a, b) => Math.max(a, b), -Infinity)),
    functions: tally(rows.map((row) => row.functionName)),
    sources: tally(rows.map((row) =>
      row.dataSourceId === null ? null : sourceName(row.dataSourceId) ?? String(row.dataSourceId))),
  };
}
