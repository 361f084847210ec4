/** One benchmark's part of docs/benchmarks.md: its heading, its text and its verdict. */
export interface BenchSection {
  title: string;
  /** The target and what was measured against it, for the summary table. */
  target: string;
  measured: string;
  /** Undefined when the benchmark has no target of its own. */
  passed: boolean | undefined;
  /** The section's body, without its heading. */
  body: string;
}

export interface Spread {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles of `values` (any order). */
export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return {
    count: sorted.length, p50: rank(0.5), p95: rank(0.95), p99: rank(0.99), max: rank(1),
  };
}

export const ms = (value: number, digits = 1) => `${value.toFixed(digits)} ms`;

export const verdict = (ok: boolean | undefined) =>
  (ok === undefined ? '—' : ok ? 'pass' : '**FAIL**');

/** A markdown table from a header row and body rows. */
export function table(columns: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(columns), `|${columns.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

/** Milliseconds since `start` (from performance.now()). */
export const since = (start: number) => performance.now() - start;

const say = (line: string) => process.stdout.write(`${line}\n`);
export { say };

/** Waits until `check` returns a value, polling every `everyMs`, or throws after `timeoutMs`. */
export async function waitFor<T>(
  check: () => T | undefined | Promise<T | undefined>, timeoutMs: number, everyMs = 1,
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
