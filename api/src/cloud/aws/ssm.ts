import {
  GetCommandInvocationCommand, ListCommandsCommand, SendCommandCommand, SSMClient,
  type GetCommandInvocationCommandOutput,
} from '@aws-sdk/client-ssm';
import {
  cronCommandKinds, inventoryPm2Target, TurnoError, type Pm2Target,
} from '@turno/shared';
import {
  deliveryTimeoutSeconds, executionTimeoutSeconds, validCommandArgs,
  type CronCommand, type CronCommandKind, type CronCommandStatus, type CronHostPort,
} from '../cron-host.ts';
import { OutputError, parseOutput } from './pm2-output.ts';
import { pm2Script } from './pm2-script.ts';
import { withRetry, type RetryOptions } from './retry.ts';

export interface SsmCronHostOptions {
  /** Built with `maxAttempts: 1`: reads are retried here, SendCommand is never sent twice. */
  ssm: SSMClient;
  /** flotas-cron-arc's instance id (CRON_INSTANCE_ID). */
  instanceId: string;
  /** Whose pm2 the scripts use: CRON_PM2_USER, CRON_PM2_HOME and CRON_PM2_BIN. */
  target?: Pm2Target;
  now?: () => Date;
  /** Waits and jitter of the retries; tests pass a sleep that resolves at once. */
  retry?: Pick<RetryOptions, 'sleep' | 'random' | 'log'>;
}

export const runShellScript = 'AWS-RunShellScript';
const commentPrefix = 'turno:';

const statusOf: Record<string, CronCommandStatus> = {
  Pending: 'pending',
  Delayed: 'pending',
  InProgress: 'running',
  Cancelling: 'running',
  Success: 'success',
  Failed: 'failed',
  TimedOut: 'timed-out',
  Cancelled: 'cancelled',
};

/**
 * The port over a new SSM client in `region`, made here so a bundle keeps only the commands
 * this module sends. It takes one attempt a call: reads are retried here.
 */
export function openSsmCronHost(
  region: string, options: Omit<SsmCronHostOptions, 'ssm'>,
): CronHostPort {
  return createSsmCronHost({ ...options, ssm: new SSMClient({ region, maxAttempts: 1 }) });
}

/**
 * The pm2 cron through SSM Run Command: a fixed script per kind, named in the command's
 * Comment so a poll knows how to read the output and ignores commands Turno did not send.
 */
export function createSsmCronHost(options: SsmCronHostOptions): CronHostPort {
  const { ssm, instanceId } = options;
  const target = options.target ?? inventoryPm2Target;
  const now = options.now ?? (() => new Date());
  const retry: RetryOptions = options.retry ?? {};

  async function pendingOrNull(commandId: string): Promise<CronCommand | null> {
    const listed = await withRetry('ListCommands',
      () => ssm.send(new ListCommandsCommand({ CommandId: commandId })), retry);
    const command = listed.Commands?.[0];
    const kind = kindOf(command?.Comment);
    if (!command || !kind || !command.InstanceIds?.includes(instanceId)) return null;
    return { commandId, kind, status: 'pending' };
  }

  return {
    instanceId,

    async startCommand(kind, args) {
      const commands = pm2Script(kind, validCommandArgs(kind, args), target);
      const input = {
        DocumentName: runShellScript,
        InstanceIds: [instanceId],
        Comment: `${commentPrefix}${kind}`,
        TimeoutSeconds: deliveryTimeoutSeconds,
        Parameters: { commands, executionTimeout: [String(executionTimeoutSeconds)] },
      };
      // SendCommand takes no client token: a second send after a lost answer runs it twice.
      const sent = await call(() => withRetry(`SendCommand ${kind}`,
        () => ssm.send(new SendCommandCommand(input)), { ...retry, idempotent: false }));
      const commandId = sent.Command?.CommandId;
      if (!commandId) throw new TurnoError('cloud_unavailable', 'SendCommand returned no id.');
      return { commandId };
    },

    async getCommand(commandId) {
      let invocation: GetCommandInvocationCommandOutput;
      try {
        const input = { CommandId: commandId, InstanceId: instanceId };
        invocation = await withRetry('GetCommandInvocation',
          () => ssm.send(new GetCommandInvocationCommand(input)), retry);
      } catch (error) {
        // Right after SendCommand the invocation does not exist yet, though the command does.
        // docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetCommandInvocation.html
        if (named(error, 'InvocationDoesNotExist')) return call(() => pendingOrNull(commandId));
        if (named(error, 'InvalidCommandId')) return null;
        return call(() => Promise.reject(error));
      }
      const kind = kindOf(invocation.Comment);
      if (!kind) return null;
      return toCommand(commandId, kind, invocation, now());
    },
  };
}

function toCommand(
  commandId: string, kind: CronCommandKind, invocation: GetCommandInvocationCommandOutput,
  at: Date,
): CronCommand {
  const status = statusOf[invocation.Status ?? ''] ?? 'pending';
  if (status === 'success') {
    const end = Date.parse(invocation.ExecutionEndDateTime ?? '');
    try {
      const output = parseOutput(kind, invocation.StandardOutputContent ?? '',
        Number.isNaN(end) ? at : new Date(end));
      return { commandId, kind, status, output };
    } catch (error) {
      if (!(error instanceof OutputError)) throw error;
      return { commandId, kind, status: 'failed', error: error.message };
    }
  }
  if (status === 'pending' || status === 'running') return { commandId, kind, status };
  const stderr = invocation.StandardErrorContent?.trim();
  const code = invocation.ResponseCode;
  const error = stderr || (code !== undefined && code >= 0 ? `exit ${code}` : undefined)
    || invocation.StatusDetails;
  return { commandId, kind, status, ...(error ? { error } : {}) };
}

function kindOf(comment: string | undefined): CronCommandKind | null {
  const kind = comment?.startsWith(commentPrefix) ? comment.slice(commentPrefix.length) : '';
  return (cronCommandKinds as readonly string[]).includes(kind) ? kind as CronCommandKind : null;
}

function named(error: unknown, name: string): boolean {
  return error instanceof Error && error.name === name;
}

/** SSM's answers as catalogued errors: an instance SSM cannot reach is said so in words. */
async function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof TurnoError || !(error instanceof Error)) throw error;
    if (named(error, 'InvalidInstanceId')) throw new TurnoError('cron_host_unreachable');
    if ('$metadata' in error) {
      throw new TurnoError('cloud_unavailable', undefined, { awsError: error.name });
    }
    throw error;
  }
}
