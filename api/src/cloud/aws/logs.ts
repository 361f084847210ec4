import {
  CloudWatchLogsClient, DeleteRetentionPolicyCommand, DescribeLogGroupsCommand,
  FilterLogEventsCommand, PutRetentionPolicyCommand, type FilteredLogEvent,
} from '@aws-sdk/client-cloudwatch-logs';
import { TurnoError, type LogErrorLine } from '@turno/shared';
import {
  assertErrorLimit, assertRetentionDays, errorWindowsHours, toLogLine, type LogsPort,
} from '../logs.ts';

export interface AwsLogsOptions {
  logs: CloudWatchLogsClient;
  /** BACKEND_LOG_GROUP: aws/ec2/flotas-develop-cluster/task-definition/backend-task */
  groupName: string;
  now?: () => Date;
  /** Milliseconds on a monotonic clock, for the deadline; tests pass one they move. */
  clock?: () => number;
  deadlineMs?: number;
}

/** Unstructured lines: the terms are case-sensitive, `?` ORs them. */
export const errorFilterPattern = '?ERROR ?Error ?error';
/**
 * The search stops here with what it found: the HTTP API ends a request at 29 s, and this
 * leaves room for a cold start and the SDK's own retries of a slow page.
 */
export const errorSearchDeadlineMs = 8_000;
const maxPagesPerWindow = 5;
const maxDescribePages = 5;
const hourMs = 3_600_000;

/** The port over a new client, made here so a bundle keeps only the commands sent below. */
export function openAwsLogs(region: string, groupName: string): LogsPort {
  return createAwsLogs({ logs: new CloudWatchLogsClient({ region }), groupName });
}

/**
 * CloudWatch Logs through SDK v3. FilterLogEvents answers oldest first, so the newest errors
 * are found by searching back from now in widening windows until there are enough.
 */
export function createAwsLogs(options: AwsLogsOptions): LogsPort {
  const { logs, groupName } = options;
  const now = options.now ?? (() => new Date());
  const clock = options.clock ?? (() => performance.now());
  const deadlineMs = options.deadlineMs ?? errorSearchDeadlineMs;

  /** A window's matching events, oldest first; `complete` is false when time ran out. */
  async function search(startTime: number, endTime: number, deadline: number) {
    const events: FilteredLogEvent[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const left = deadline - clock();
      if (left <= 0) return { events, complete: false };
      const command = new FilterLogEventsCommand({
        logGroupName: groupName,
        filterPattern: errorFilterPattern,
        startTime,
        endTime,
        ...(nextToken ? { nextToken } : {}),
      });
      const page = await beforeDeadline(
        (abortSignal) => logs.send(command, { abortSignal }), left);
      if (!page) return { events, complete: false };
      events.push(...(page.events ?? []));
      // An empty page with a token is normal: the search goes on in the next one.
      nextToken = page.nextToken;
      pages += 1;
    } while (nextToken && pages < maxPagesPerWindow);
    return { events, complete: true };
  }

  return {
    groupName,

    async recentErrors(limit) {
      assertErrorLimit(limit);
      const deadline = clock() + deadlineMs;
      const end = now().getTime();
      const found: LogErrorLine[] = [];
      let from = end;
      let windowHours = 0;
      for (const hours of errorWindowsHours) {
        const start = end - hours * hourMs;
        const { events, complete } = await call(() => search(start, from, deadline));
        const newestFirst = [...events].sort((a, b) => (b.timestamp ?? 0) - (a.timestamp ?? 0));
        for (const event of newestFirst) {
          if (found.length >= limit) break;
          const { timestamp = 0, logStreamName = '', message = '' } = event;
          found.push(toLogLine(timestamp, logStreamName, message));
        }
        from = start;
        windowHours = hours;
        // Pages come oldest first, so a cut-short window may miss its newest lines: say so.
        if (!complete) return { lines: found, windowHours, partial: true };
        if (found.length >= limit) break;
      }
      return { lines: found, windowHours, partial: false };
    },

    async getRetention() {
      let nextToken: string | undefined;
      let pages = 0;
      do {
        const page = await call(() => logs.send(new DescribeLogGroupsCommand({
          logGroupNamePrefix: groupName, ...(nextToken ? { nextToken } : {}),
        })));
        // The prefix also matches longer names (backend-task-old): only the exact one counts.
        const group = page.logGroups?.find((g) => g.logGroupName === groupName);
        if (group) return group.retentionInDays ?? null;
        nextToken = page.nextToken;
        pages += 1;
      } while (nextToken && pages < maxDescribePages);
      throw new TurnoError('log_group_not_found');
    },

    async setRetention(days) {
      assertRetentionDays(days);
      // Never expiring is not a period but the absence of a policy.
      if (days === null) {
        await call(() => logs.send(new DeleteRetentionPolicyCommand({ logGroupName: groupName })));
        return;
      }
      await call(() => logs.send(new PutRetentionPolicyCommand({
        logGroupName: groupName, retentionInDays: days,
      })));
    },
  };
}

/**
 * The answer of `send`, or null once `ms` have passed: the request is aborted then, and not
 * waited for even if the transport ignores the abort.
 */
async function beforeDeadline<T>(
  send: (signal: AbortSignal) => Promise<T>, ms: number,
): Promise<T | null> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<null>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(null);
    }, Math.ceil(ms));
  });
  try {
    return await Promise.race([send(controller.signal), expired]);
  } catch (error) {
    if (controller.signal.aborted) return null;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

async function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof TurnoError || !(error instanceof Error)) throw error;
    if (error.name === 'ResourceNotFoundException') throw new TurnoError('log_group_not_found');
    if ('$metadata' in error) {
      throw new TurnoError('cloud_unavailable', undefined, { awsError: error.name });
    }
    throw error;
  }
}
