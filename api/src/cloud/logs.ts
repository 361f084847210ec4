import {
  isLogRetentionDays, logRetentionDays, redact, TurnoError,
  type LogErrorLine, type LogRetentionDays,
} from '@turno/shared';

/** The backend-task log group of flotas-application-develop (runbook §3), in CloudWatch Logs. */
export interface LogsPort {
  readonly groupName: string;
  /**
   * The newest error lines first, redacted; `windowHours` says how far back it looked, and
   * `partial` that the search stopped at its deadline with what it had found by then.
   */
  recentErrors(limit: number): Promise<RecentErrors>;
  /** Days the group keeps events ("autolimpieza"), or null when they never expire. */
  getRetention(): Promise<number | null>;
  /** Null keeps events forever. */
  setRetention(days: LogRetentionDays | null): Promise<void>;
}

export interface RecentErrors {
  lines: LogErrorLine[];
  windowHours: number;
  partial: boolean;
}

/** How far back the error lines are looked for: a short window first, wider when it is quiet. */
export const errorWindowsHours = [1, 6, 24, 72] as const;
export const maxErrorLines = 100;
const maxMessageChars = 2000;

/** What both ports return for one event: time, stream and the message, redacted and trimmed. */
export function toLogLine(timestampMs: number, stream: string, message: string): LogErrorLine {
  const clean = redact(message.trim());
  const text = clean.length > maxMessageChars ? `${clean.slice(0, maxMessageChars)}…` : clean;
  return { at: new Date(timestampMs).toISOString(), stream, message: text };
}

export function assertErrorLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > maxErrorLines) {
    throw new TurnoError('validation_failed', `limit must be 1–${maxErrorLines}.`);
  }
}

/** CloudWatch accepts only its own list of periods; both ports refuse the rest alike. */
export function assertRetentionDays(days: unknown): asserts days is LogRetentionDays | null {
  if (days !== null && !isLogRetentionDays(days)) {
    const message = `days must be one of ${logRetentionDays.join(', ')}, or null.`;
    throw new TurnoError('validation_failed', message);
  }
}
