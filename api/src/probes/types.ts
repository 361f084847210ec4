import type { CardId, CategoryId, Severity } from '@turno/shared';
import type { AppDeps } from '../types.ts';

/** One problem a probe saw. No findings means the probed thing is healthy. */
export interface ProbeFinding {
  category: CategoryId;
  /**
   * Which one of many the cause concerns (a database, an instance, a process). The alert's
   * key is its cause's, "<category>[:<scope>]", the same whether a probe or Sync_error saw it.
   */
  scope?: string;
  /** Defaults to the category's card and severity. */
  card?: CardId | null;
  severity?: Severity;
  /** Shown on the alert; redacted by the runner, yet never put a token here. */
  detail?: Record<string, unknown>;
  resources: string[];
  /**
   * What the finding is about, for maintenance windows (api/src/notify/hold.ts): the cron
   * instance, not the pm2 process on it. Defaults to every one of `resources`.
   */
  subjects?: string[];
}

/** Short values Estado shows for a probe: status words, numbers, times as ISO text. */
export type ProbeSummary = Record<string, string | number | boolean | null>;

export interface ProbeResult {
  findings: ProbeFinding[];
  summary: ProbeSummary;
  /** Part of the run failed: run again within `probeRetrySeconds`, not an interval later. */
  retrySoon?: boolean;
}

export interface Probe {
  /** kebab-case, stable: it keys the probe's state and its alerts. */
  name: string;
  intervalSeconds: number;
  run(deps: AppDeps, now: Date): Promise<ProbeResult>;
}

export type ProbeOutcome = 'ok' | 'problem' | 'failed';

/** What Estado shows for one probe. */
export interface ProbeRun {
  probe: string;
  lastRunAt: Date | null;
  nextRunAt: Date | null;
  outcome: ProbeOutcome | null;
  summary: ProbeSummary | null;
  lastOkAt: Date | null;
  lastFailure: string | null;
  failures: number;
  /** No run finished for two of its runs' spacing: what it checks is not being watched. */
  overdue: boolean;
}
