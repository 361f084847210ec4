import { randomUUID } from 'node:crypto';
import {
  GetCommandInvocationCommand, InvocationDoesNotExist, ListCommandsCommand,
  SendCommandCommand, SSMClient,
} from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { sandboxPm2Processes } from '../sandbox-inventory.ts';

interface Sent {
  id: string;
  comment: string;
  instanceId: string;
  sentAt: number;
}

const df = (use: number, usedKib: number) =>
  `/dev/nvme0n1p1 8376300 ${usedKib} ${8376300 - usedKib} ${use}% /`;

/** What each fixed script prints on a healthy flotas-cron-arc (see pm2-script.test.ts). */
function stdoutOf(kind: string, at: number): string {
  const header = 'Filesystem 1024-blocks Used Available Capacity Mounted on\n';
  if (kind === 'disk') return `${header}${df(83, 6909324)}\n`;
  if (kind === 'pm2-logs') return 'main: 30.151s\n';
  if (kind === 'pm2-flush') {
    return `turno:disk-before ${df(83, 6909324)}\n[PM2] Flushing\n`
      + `turno:disk-after ${df(41, 3420000)}\n`;
  }
  return `${JSON.stringify(sandboxPm2Processes.map((p) => ({
    pm_id: p.id, name: p.name, monit: { memory: Math.round(p.memoryMb * 1024 * 1024) },
    pm2_env: { status: p.status, restart_time: 0, pm_uptime: at - 86_400_000 },
  })))}\n`;
}

/**
 * An SSM Run Command stand-in at the SDK boundary, in AWS's documented shapes: the invocation
 * does not exist for a moment after SendCommand, then runs, then answers.
 */
export function createFakeSsmApi(options: { now: () => Date; daemonRunning?: boolean }) {
  const sent = new Map<string, Sent>();
  const mock = mockClient(SSMClient);
  const meta = { $metadata: {}, message: 'Invocation does not exist.' };

  mock.on(SendCommandCommand).callsFake((input) => {
    const id = randomUUID();
    sent.set(id, {
      id, comment: input.Comment ?? '', instanceId: input.InstanceIds?.[0] ?? '',
      sentAt: options.now().getTime(),
    });
    return { Command: { CommandId: id, Comment: input.Comment, InstanceIds: input.InstanceIds } };
  });
  mock.on(ListCommandsCommand).callsFake((input) => {
    const command = sent.get(input.CommandId ?? '');
    return {
      Commands: command
        ? [{ CommandId: command.id, Comment: command.comment, InstanceIds: [command.instanceId] }]
        : [],
    };
  });
  mock.on(GetCommandInvocationCommand).callsFake((input) => {
    const command = sent.get(input.CommandId ?? '');
    const age = options.now().getTime() - (command?.sentAt ?? 0);
    if (!command || command.instanceId !== input.InstanceId || age < 500) {
      throw new InvocationDoesNotExist(meta);
    }
    const base = {
      CommandId: command.id, InstanceId: command.instanceId, Comment: command.comment,
    };
    if (age < 2_000) return { ...base, Status: 'InProgress' };
    const kind = command.comment.replace('turno:', '');
    if (options.daemonRunning === false && kind !== 'disk') {
      return {
        ...base, Status: 'Failed', StatusDetails: 'Failed', ResponseCode: 64,
        StandardErrorContent: 'turno: the pm2 daemon of ssm-user is not running '
          + '(no socket /home/ssm-user/.pm2/rpc.sock)\n',
      };
    }
    return {
      ...base, Status: 'Success', ResponseCode: 0,
      ExecutionEndDateTime: new Date(command.sentAt + 2_000).toISOString(),
      StandardOutputContent: stdoutOf(kind, command.sentAt),
    };
  });

  return { ssm: new SSMClient({ region: 'us-east-1' }), restore: () => mock.restore() };
}
