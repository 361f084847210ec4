import type { MetricPoint } from '../../cloud/rds.ts';

const hourMs = 3_600_000;
const GiB = 1024 ** 3;

export interface SustainedLoad {
  /** True when every point for at least the window was at or above the line. */
  sustained: boolean;
  /** Start of the unbroken run of points above the line that reaches the newest point. */
  since: Date | null;
  /** The newest point's value, null without points. */
  latest: number | null;
}

/**
 * Whether a series stayed at or above `line` for `windowMs` up to its newest point. A point
 * below the line, a gap of more than two periods, or a newest point older than `staleMs`
 * (CloudWatch stopped reporting) breaks the run: a spike of a few minutes is not a load.
 */
export function sustainedAbove(
  points: readonly MetricPoint[],
  options: { line: number; windowMs: number; periodMs: number; staleMs: number; now: Date },
): SustainedLoad {
  const { line, windowMs, periodMs, staleMs, now } = options;
  const newest = points.at(-1);
  if (!newest) return { sustained: false, since: null, latest: null };
  let first = points.length;
  for (let i = points.length - 1; i >= 0; i -= 1) {
    const point = points[i];
    const next = points[i + 1];
    if (!point || point.value < line) break;
    if (next && next.at.getTime() - point.at.getTime() > 2 * periodMs) break;
    first = i;
  }
  const start = points[first];
  if (!start) return { sustained: false, since: null, latest: newest.value };
  // Each point is a period's average: the run covers its points' periods end to end.
  const covered = newest.at.getTime() + periodMs - start.at.getTime();
  const fresh = now.getTime() - (newest.at.getTime() + periodMs) <= staleMs;
  return { sustained: fresh && covered >= windowMs, since: start.at, latest: newest.value };
}

/**
 * Hours until free storage reaches zero at the pace of the recent points (least squares),
 * or null when it is not falling or the points span less than `minSpanMs`. Points before the
 * last jump up (storage grown, space freed) follow another line and are left out.
 */
export function hoursToFull(points: readonly MetricPoint[], minSpanMs = hourMs): number | null {
  let start = 0;
  for (let i = 1; i < points.length; i += 1) {
    const rise = (points[i]?.value ?? 0) - (points[i - 1]?.value ?? 0);
    if (rise > GiB) start = i;
  }
  const recent = points.slice(start);
  const first = recent[0];
  const last = recent.at(-1);
  if (!first || !last || last.at.getTime() - first.at.getTime() < minSpanMs) return null;
  const xs = recent.map((point) => (point.at.getTime() - first.at.getTime()) / hourMs);
  const ys = recent.map((point) => point.value);
  const meanX = xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - meanX) * ((ys[i] ?? 0) - meanY);
    den += (x - meanX) ** 2;
  });
  const slopePerHour = den === 0 ? 0 : num / den;
  if (slopePerHour >= 0) return null;
  return Math.max(0, last.value / -slopePerHour);
}
