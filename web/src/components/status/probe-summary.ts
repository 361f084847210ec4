import type { ProbeStatus } from '@turno/shared';

type Summary = NonNullable<ProbeStatus['summary']>;
type Value = Summary[string];

/** One value of a probe's summary as a message key (`probes.summary.*`) and its value. */
export interface SummaryLine {
  name: string;
  key: string | null;
  value: Value;
}

const outcomeOrder: Record<string, number> = { failed: 0, problem: 1, ok: 2 };

/** Failing probes first, then those that found a problem, then the healthy, each by name. */
export function sortProbes(probes: readonly ProbeStatus[]): ProbeStatus[] {
  const rank = (probe: ProbeStatus) => outcomeOrder[probe.outcome ?? ''] ?? 3;
  return [...probes].sort((a, b) => rank(a) - rank(b) || a.probe.localeCompare(b.probe));
}

/**
 * The summary's values in its own order; `known(key)` says whether a message exists for it
 * (another area's probe may report values this page has no words for: they show as they are).
 */
export function summaryLines(
  summary: ProbeStatus['summary'], known: (key: string) => boolean,
): SummaryLine[] {
  return Object.entries(summary ?? {}).map(([name, value]) => {
    const key = value === null ? `probes.summaryNull.${name}` : `probes.summary.${name}`;
    return { name, key: known(key) ? key : null, value };
  });
}
