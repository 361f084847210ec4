import {
  GetCommandInvocationCommand, InvalidInstanceId, InvocationDoesNotExist, ListCommandsCommand,
  SendCommandCommand, SSMClient,
} from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { pm2Script } from './pm2-script.ts';
import { createSsmCronHost } from './ssm.ts';

const ssmMock = mockClient(SSMClient);
const instanceId = 'i-0a1b2c3d4e5f60002';
const commandId = '3f1c2a9e-7b4d-4e2f-9a1c-5d6e7f8a9b0c';
const host = () => createSsmCronHost({ ssm: new SSMClient({ region: 'us-east-1' }), instanceId });
const meta = { $metadata: {}, message: 'x' };

afterEach(() => ssmMock.reset());

describe('createSsmCronHost', () => {
  it('sends the fixed flush script to the cron instance only, answering its id', async () => {
    ssmMock.on(SendCommandCommand).resolves({ Command: { CommandId: commandId } });

    const started = await host().startCommand('pm2-flush');

    expect(started).toEqual({ commandId });
    expect(ssmMock.commandCalls(SendCommandCommand)[0]?.args[0].input).toEqual({
      DocumentName: 'AWS-RunShellScript',
      InstanceIds: [instanceId],
      Comment: 'turno:pm2-flush',
      TimeoutSeconds: 60,
      Parameters: {
        commands: pm2Script('pm2-flush', { lines: 100 }),
        executionTimeout: ['120'],
      },
    });
  });

  it('sends a validated process id and line count, never text', async () => {
    ssmMock.on(SendCommandCommand).resolves({ Command: { CommandId: commandId } });

    await host().startCommand('pm2-logs', { process: '1', lines: 30 });

    const commands = ssmMock.commandCalls(SendCommandCommand)[0]?.args[0].input.Parameters;
    expect(commands?.commands).toContain(
      'log=$(as_app logs 1 --lines 30 --nostream --raw 2>&1) || {');
  });

  it('refuses a process that is not a number before calling SSM', async () => {
    await expect(host().startCommand('pm2-logs', { process: '1; reboot' }))
      .rejects.toMatchObject({ code: 'validation_failed' });
    expect(ssmMock.calls()).toHaveLength(0);
  });

  it('says the cron host is unreachable when SSM does not manage the instance', async () => {
    ssmMock.on(SendCommandCommand).rejects(new InvalidInstanceId(meta));

    await expect(host().startCommand('disk')).rejects.toMatchObject({
      code: 'cron_host_unreachable',
    });
  });

  it('reports pending while the invocation does not exist yet but the command does', async () => {
    ssmMock.on(GetCommandInvocationCommand).rejects(new InvocationDoesNotExist(meta));
    ssmMock.on(ListCommandsCommand).resolves({
      Commands: [{ CommandId: commandId, Comment: 'turno:disk', InstanceIds: [instanceId] }],
    });

    expect(await host().getCommand(commandId))
      .toEqual({ commandId, kind: 'disk', status: 'pending' });
    expect(ssmMock.commandCalls(GetCommandInvocationCommand)[0]?.args[0].input)
      .toEqual({ CommandId: commandId, InstanceId: instanceId });
  });

  it('answers null for a command id SSM does not know', async () => {
    ssmMock.on(GetCommandInvocationCommand).rejects(new InvocationDoesNotExist(meta));
    ssmMock.on(ListCommandsCommand).resolves({ Commands: [] });

    expect(await host().getCommand(commandId)).toBeNull();
  });

  it('answers null for a command Turno did not send', async () => {
    ssmMock.on(GetCommandInvocationCommand).resolves({ Status: 'Success', Comment: 'by hand' });

    expect(await host().getCommand(commandId)).toBeNull();
  });

  it.each([
    ['Pending', 'pending'], ['Delayed', 'pending'], ['InProgress', 'running'],
    ['Cancelling', 'running'], ['Failed', 'failed'], ['TimedOut', 'timed-out'],
    ['Cancelled', 'cancelled'],
  ] as const)('maps the invocation status %s to %s', async (aws, status) => {
    ssmMock.on(GetCommandInvocationCommand).resolves({ Status: aws, Comment: 'turno:disk' });

    expect((await host().getCommand(commandId))?.status).toBe(status);
  });

  it('reads a successful df into disk use', async () => {
    ssmMock.on(GetCommandInvocationCommand).resolves({
      Status: 'Success', Comment: 'turno:disk', ResponseCode: 0,
      StandardOutputContent: 'Filesystem 1024-blocks Used Available Capacity Mounted on\n'
        + '/dev/nvme0n1p1 8376300 6909324 1466976 83% /\n',
    });

    expect(await host().getCommand(commandId)).toEqual({
      commandId, kind: 'disk', status: 'success',
      output: {
        kind: 'disk',
        disk: { usePercent: 83, sizeGiB: 7.99, usedGiB: 6.59, availableGiB: 1.4 },
      },
    });
  });

  it('passes on what the script said when the daemon was not running', async () => {
    const said = 'turno: the pm2 daemon of ssm-user is not running (no socket …/rpc.sock)';
    ssmMock.on(GetCommandInvocationCommand).resolves({
      Status: 'Failed', Comment: 'turno:pm2-flush', ResponseCode: 64,
      StandardErrorContent: `${said}\n`, StatusDetails: 'Failed',
    });

    expect(await host().getCommand(commandId)).toEqual({
      commandId, kind: 'pm2-flush', status: 'failed', error: said,
    });
  });

  it('calls a success with unreadable output a failure', async () => {
    ssmMock.on(GetCommandInvocationCommand).resolves({
      Status: 'Success', Comment: 'turno:pm2-list', StandardOutputContent: 'command not found',
    });

    expect(await host().getCommand(commandId)).toMatchObject({
      status: 'failed', error: 'pm2 jlist did not print a JSON list',
    });
  });
});
