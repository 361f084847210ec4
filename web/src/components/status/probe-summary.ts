import { probeSummarySchemas, type ProbeName, type ProbeStatus } from '@turno/shared';

type Summary = NonNullable<ProbeStatus['summary']>;
type Value = Summary[string];
type Params = Record<string, string>;

/**
 * One probe on Estado. `overdue` comes from a newer server (the probe missed its time);
 * optional so this page works with servers that do not send it yet.
 */
export type ProbeView = ProbeStatus & { overdue?: boolean };

/** The translation and date helpers a summary is put into words with. */
export interface SummaryWords {
  t(key: string, params?: Params): string;
  te(key: string): boolean;
  n(value: number): string;
  /** Mexico City date and time. */
  dateTime(iso: string): string;
  fromNow(iso: string): string;
  /** A rough time ahead from a number of hours: "en unos 151 días". */
  inAbout(hours: number): string;
}

const outcomeOrder: Record<string, number> = { failed: 0, problem: 1, ok: 2 };
/** A late probe's result is old: it ranks with those that found a problem. */
const lateRank = 1;
/** Summary numbers that count seconds from the run: shown as "in 1 hour". */
const secondsFromRun = new Set(['expiresIn']);
/** Summary numbers that count hours ahead: shown as "in about 151 days". */
const hoursAhead = new Set(['hoursToFull']);
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Failing probes first, then those that found a problem or are late (their result is old),
 * then the healthy, each by name.
 */
export function sortProbes(probes: readonly ProbeView[]): ProbeView[] {
  const rank = (probe: ProbeView) =>
    Math.min(outcomeOrder[probe.outcome ?? ''] ?? 3, probe.overdue ? lateRank : 3);
  return [...probes].sort((a, b) => rank(a) - rank(b) || a.probe.localeCompare(b.probe));
}

/** An enum value in the key's own words (`probes.values.<key>.*`), a shared word, or as is. */
function valueWord(name: string, value: string, words: SummaryWords): string {
  for (const key of [`probes.values.${name}.${value}`, `probes.value.${value}`]) {
    if (words.te(key)) return words.t(key);
  }
  return value;
}

function params(
  name: string, value: Exclude<Value, null>, ranAt: number, words: SummaryWords,
): Params {
  if (typeof value === 'number') {
    if (hoursAhead.has(name)) return { value: words.inAbout(value) };
    if (!secondsFromRun.has(name)) return { value: words.n(value) };
    return { value: words.fromNow(new Date(ranAt + value * 1000).toISOString()) };
  }
  if (typeof value === 'string' && isoInstant.test(value)) {
    return { value: words.dateTime(value), relative: words.fromNow(value) };
  }
  return { value: valueWord(name, String(value), words) };
}

/** The summary's entries in the order its probe declares them (JSONB keeps its own order). */
function entries(
  { probe, summary }: Pick<ProbeStatus, 'probe' | 'summary'>,
): Array<[string, Value]> {
  const declared = Object.hasOwn(probeSummarySchemas, probe)
    ? Object.keys(probeSummarySchemas[probe as ProbeName].shape) : [];
  const rank = (key: string) => (declared.includes(key) ? declared.indexOf(key) : declared.length);
  return Object.entries(summary ?? {}).sort(([a], [b]) => rank(a) - rank(b));
}

/**
 * The summary's values in its probe's order, each a sentence: `probes.summaryNull.*`,
 * `summaryTrue.*` or `summaryFalse.*` where the value says it all, else `probes.summary.*`
 * with the value in words. A key with no message (another area's new probe) shows as it is.
 */
export function summaryLines(
  probe: Pick<ProbeStatus, 'probe' | 'summary' | 'lastRunAt'>, words: SummaryWords,
): string[] {
  const ranAt = probe.lastRunAt ? Date.parse(probe.lastRunAt) : Date.now();
  return entries(probe).map(([name, value]) => {
    const whole = value === null ? 'summaryNull' : value === true ? 'summaryTrue'
      : value === false ? 'summaryFalse' : null;
    if (whole && words.te(`probes.${whole}.${name}`)) return words.t(`probes.${whole}.${name}`);
    const filled: Params = value === null
      ? { value: '—', relative: '—' } : params(name, value, ranAt, words);
    const key = `probes.summary.${name}`;
    return words.te(key) ? words.t(key, filled) : `${name}: ${filled.value}`;
  });
}
