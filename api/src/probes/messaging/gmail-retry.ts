const hour = 3_600_000;
/** Gmail's sending limits run over a rolling 24 hours; the runbook says to wait 24 h. */
const dailyWait = 24 * hour;

// Gmail gives the time only inside the text: "User-rate limit exceeded.  Retry after <ISO>".
const retryAfter = /\bRetry after (\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)/i;
const dailyQuota = /Daily user sending (?:quota|limit) exceeded|\b5\.4\.5\b|dailyLimitExceeded/i;

/** Why Turno expects sending to work again at `retryAt`. */
export type RetryBasis =
  /** Gmail named the time: "Retry after …". */
  | 'retry-after'
  /** The daily sending quota: 24 h after the first such error. */
  | 'daily-quota'
  /** Saturated without a time: the runbook's 24 h from the first error. */
  | 'runbook';

export interface RetryWindow {
  retryAt: string;
  basis: RetryBasis;
  /** The first saturation error of the alert, ISO. */
  since: string;
}

export interface SaturationRow {
  text: string;
  createdAt: Date;
}

/** The time in Gmail's "Retry after <ISO>", or null. */
export function parseRetryAfter(text: string): Date | null {
  const match = retryAfter.exec(text);
  const at = match?.[1] ? new Date(match[1]) : null;
  return at && !Number.isNaN(at.getTime()) ? at : null;
}

/**
 * When sending should work again, from the alert's saturation errors: the latest time Gmail
 * named, or 24 h after the first daily-quota error (or any error, when none names a time),
 * whichever is later. Null without rows.
 */
export function retryWindow(rows: SaturationRow[]): RetryWindow | null {
  if (rows.length === 0) return null;
  const sorted = [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const first = sorted[0] as SaturationRow;
  const named = sorted.map((row) => parseRetryAfter(row.text))
    .filter((at): at is Date => at !== null)
    .sort((a, b) => a.getTime() - b.getTime()).at(-1);
  const firstDaily = sorted.find((row) => dailyQuota.test(row.text));
  const candidates: Array<{ at: Date; basis: RetryBasis }> = [];
  if (named) candidates.push({ at: named, basis: 'retry-after' });
  if (firstDaily) {
    const at = new Date(firstDaily.createdAt.getTime() + dailyWait);
    candidates.push({ at, basis: 'daily-quota' });
  }
  if (candidates.length === 0) {
    candidates.push({ at: new Date(first.createdAt.getTime() + dailyWait), basis: 'runbook' });
  }
  const latest = candidates.sort((a, b) => a.at.getTime() - b.at.getTime()).at(-1) as
    { at: Date; basis: RetryBasis };
  return {
    retryAt: latest.at.toISOString(), basis: latest.basis, since: first.createdAt.toISOString(),
  };
}
