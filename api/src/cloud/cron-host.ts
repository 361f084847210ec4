import {
  cronCommandRequest, TurnoError,
  type CronCommandKind, type CronCommandOutput, type CronCommandStatus, type Pm2ProcessView,
} from '@turno/shared';

/** The pm2 cron on flotas-cron-arc (runbook §3), reached through SSM Run Command on AWS. */
export type Pm2Process = Pm2ProcessView;

/** A process as the runbook's inventory lists it. */
export type Pm2ProcessSeed = Pick<Pm2Process, 'id' | 'name' | 'status' | 'memoryMb'>;

export type { CronCommandKind, CronCommandOutput, CronCommandStatus };

/** Arguments a kind may take; only these validated numbers ever reach a script. */
export interface CronCommandArgs {
  process?: number | string;
  lines?: number;
}

export interface ValidCommandArgs {
  process?: number;
  lines: number;
}

export interface CronCommand {
  commandId: string;
  kind: CronCommandKind;
  status: CronCommandStatus;
  /** Set once the command succeeded. */
  output?: CronCommandOutput;
  /** What the host said when it failed; raw, the route redacts and shortens it. */
  error?: string;
}

/**
 * Runs one of the fixed commands on the cron host and reports on it. `startCommand` answers at
 * once; the caller polls `getCommand` (HTTP API calls must end within 30 s).
 */
export interface CronHostPort {
  /** The cron instance, as the audit names it. */
  readonly instanceId: string;
  startCommand(kind: CronCommandKind, args?: CronCommandArgs): Promise<{ commandId: string }>;
  /** Null when no such Turno command exists on this host. */
  getCommand(commandId: string): Promise<CronCommand | null>;
}

export const defaultPm2LogLines = 100;

/** Seconds a script may run on the host; a flush of large logs takes a few. */
export const executionTimeoutSeconds = 120;
/** Seconds SSM keeps trying to reach a host that is down (30 is the least it accepts). */
export const deliveryTimeoutSeconds = 60;

/** Both ports check arguments the same way: a 400 `validation_failed`, never a script. */
export function validCommandArgs(kind: CronCommandKind, args: CronCommandArgs = {}):
ValidCommandArgs {
  const parsed = cronCommandRequest.safeParse({ kind, ...args });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TurnoError('validation_failed', undefined, {
      issues: [{ path: issue?.path.join('.') ?? '', message: issue?.message ?? 'invalid' }],
    });
  }
  const { process, lines } = parsed.data;
  return { ...(process === undefined ? {} : { process }), lines: lines ?? defaultPm2LogLines };
}
