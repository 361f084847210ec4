import type { CardId, CategoryId } from '../diagnosis/types.ts';
import { alertKey } from './causes.ts';

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

/** Causes that are one alert per telematics provider: its credentials (runbook 2.1, 2.2). */
export const perProviderCategories: readonly CategoryId[] = [
  'provider-forbidden', 'provider-unauthorized',
];

/** One alert's share of new rows: its key, its cause and, per provider, which one. */
export interface AlertGroup<Row extends DiagnosedRow> {
  /** "database-disk-full"; "provider-forbidden:MIX" for a provider's credentials. */
  key: string;
  category: CategoryId;
  /** The data source's name (MIX, Guardian) for per-provider causes, else null. */
  provider: string | null;
  /** The rows' data source for per-provider causes; null for every other cause. */
  dataSourceId: number | null;
  rows: Row[];
}

/**
 * Rows grouped by the alert they belong to, in order of first appearance: one key per cause,
 * except a provider's blocked user or rejected password, which is one alert per provider, so
 * pausing MiX's functions never hides that Guardian is failing too. `sourceName` turns a data
 * source id into the name UP shows; an unknown id is named by its number.
 */
export function groupByAlertKey<Row extends DiagnosedRow>(
  rows: Row[], sourceName: (id: number) => string | undefined = () => undefined,
): Map<string, AlertGroup<Row>> {
  const groups = new Map<string, AlertGroup<Row>>();
  for (const row of rows) {
    const perProvider = perProviderCategories.includes(row.category) && row.dataSourceId !== null;
    const source = perProvider ? row.dataSourceId : null;
    const provider = source === null ? null : sourceName(source) ?? String(source);
    const key = alertKey(row.category, provider);
    const group = groups.get(key);
    const { category } = row;
    if (group) group.rows.push(row);
    else groups.set(key, { key, category, provider, dataSourceId: source, rows: [row] });
  }
  return groups;
}

/** The card of a provider's credentials alert: a blocked user (403) is 2.1, else 2.2. */
export function providerCard(category: CategoryId): CardId {
  return category === 'provider-forbidden' ? '2.1' : '2.2';
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
    sources: tally(rows.map((row) => (row.dataSourceId === null
      ? null : sourceName(row.dataSourceId) ?? String(row.dataSourceId)))),
  };
}
