import { isLogRetentionDays, type LogRetentionDays } from '@turno/shared';
import {
  assertErrorLimit, assertRetentionDays, errorWindowsHours, toLogLine, type LogsPort,
} from './logs.ts';

export const sandboxLogGroup = 'aws/ec2/flotas-develop-cluster/task-definition/backend-task';

const stream = 'ecs/backend/9f1c2e7a5b3d4c6e8a0b1c2d3e4f5a6b';
const minuteMs = 60_000;

/** Error lines the backend task prints (runbook §3), minutes before the sandbox's now. */
export const sandboxLogEvents: Array<{ minutesAgo: number; message: string }> = [
  {
    minutesAgo: 4,
    message: 'Error al conectar a la base de datos connect ECONNREFUSED 10.0.3.25:5432',
  },
  { minutesAgo: 19, message: 'getOccurrencesRules Error: Connection terminated unexpectedly' },
  {
    minutesAgo: 52,
    message: 'Error: Request failed with status code 401 POST '
      + 'https://api.ultramsg.com/instance1/messages/chat?token=sandbox0token0123&to=5215512345678',
  },
  { minutesAgo: 131, message: 'ERROR SequelizeConnectionError: connect ETIMEDOUT 10.0.3.25:5432' },
  {
    minutesAgo: 304,
    message: 'Error al conectar a la base de datos connect ECONNREFUSED 10.0.3.25:5432',
  },
  {
    minutesAgo: 1210,
    message: 'error sending email: invalid_grant: Token has been expired or revoked.',
  },
];

export interface SandboxLogs extends LogsPort {
  /** The autolimpieza as it stands, in days; null when events never expire. */
  snapshot(): { retentionDays: number | null };
}

/**
 * The backend-task log group with a few realistic errors and no autolimpieza yet, or the one
 * `restore` kept from before a restart.
 */
export function createSandboxLogs(
  options: { now: () => Date; restore?: { retentionDays: number | null } },
): SandboxLogs {
  const saved = options.restore?.retentionDays;
  let retention: LogRetentionDays | null = isLogRetentionDays(saved) ? saved : null;

  return {
    groupName: sandboxLogGroup,
    snapshot: () => ({ retentionDays: retention }),

    async recentErrors(limit) {
      assertErrorLimit(limit);
      const end = options.now().getTime();
      // Widen the window as the AWS port does, until it holds `limit` lines or is the widest.
      const windowHours = errorWindowsHours.find((hours) =>
        sandboxLogEvents.filter((line) => line.minutesAgo <= hours * 60).length >= limit)
        ?? errorWindowsHours[errorWindowsHours.length - 1] ?? 0;
      const lines = sandboxLogEvents
        .filter((line) => line.minutesAgo <= windowHours * 60)
        .slice(0, limit)
        .map(({ minutesAgo, message }) => toLogLine(end - minutesAgo * minuteMs, stream, message));
      return { lines, windowHours, partial: false };
    },

    async getRetention() {
      return retention;
    },

    async setRetention(days) {
      assertRetentionDays(days);
      retention = days;
    },
  };
}
