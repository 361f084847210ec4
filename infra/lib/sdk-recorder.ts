import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { EC2Client } from '@aws-sdk/client-ec2';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import {
  ListScheduleGroupsCommand, ListSchedulesCommand, SchedulerClient,
} from '@aws-sdk/client-scheduler';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import {
  GetCommandInvocationCommand, ListCommandsCommand, SendCommandCommand, SSMClient,
} from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';

/** Test support: runs code against mocked SDK clients and says what IAM would check. */
export interface SentCommand {
  /** IAM action: service prefix and operation, e.g. rds:DescribeDBInstances. */
  action: string;
  input: Record<string, unknown>;
}

/** One stub per client, keyed by the client's IAM service prefix. */
function stubEveryClient() {
  return {
    cloudwatch: mockClient(CloudWatchClient), logs: mockClient(CloudWatchLogsClient),
    ec2: mockClient(EC2Client), rds: mockClient(RDSClient),
    scheduler: mockClient(SchedulerClient), secretsmanager: mockClient(SecretsManagerClient),
    ssm: mockClient(SSMClient),
  };
}
type Stubs = ReturnType<typeof stubEveryClient>;

/** What every stub has in common, whatever its client. */
interface AnyStub {
  onAnyCommand(): { resolves(output: object): unknown };
  calls(): { args: unknown[] }[];
  restore(): void;
}
const each = (stubs: Stubs) => Object.entries(stubs) as unknown as [string, AnyStub][];

/** What a Turno script prints, so the pm2 and disk probes read real-looking output. */
const outputs: Record<string, string> = {
  'disk': 'Filesystem 1024-blocks Used Available Capacity Mounted on\n'
    + '/dev/nvme0n1p1 8376300 4188150 4188150 50% /\n',
  'pm2-list': '[{"pm_id":0,"name":"Linde-Ocurrences","pm2_env":{"status":"online"}}]\n',
};

export interface RecordOptions {
  /** `group/name` of the ENABLED schedules ListSchedules answers with; none by default. */
  schedules?: readonly string[];
}

/** Answers as AWS does, including an invocation that does not exist yet right after sending. */
function answerLikeAws(stubs: Stubs, options: RecordOptions) {
  for (const [, stub] of each(stubs)) stub.onAnyCommand().resolves({});
  const sent = new Map<string, { Comment?: string; InstanceIds?: string[] }>();
  const asked = new Set<string>();
  stubs.ssm.on(SendCommandCommand).callsFake((input: { Comment?: string }) => {
    const id = `c-${sent.size + 1}`;
    sent.set(id, input);
    return { Command: { CommandId: id } };
  });
  stubs.ssm.on(GetCommandInvocationCommand).callsFake((input: { CommandId: string }) => {
    const comment = sent.get(input.CommandId)?.Comment ?? '';
    if (!asked.has(input.CommandId)) {
      asked.add(input.CommandId);
      throw Object.assign(new Error('not yet'), { name: 'InvocationDoesNotExist' });
    }
    const stdout = outputs[comment.replace('turno:', '')] ?? '';
    return { Status: 'Success', Comment: comment, StandardOutputContent: stdout };
  });
  stubs.ssm.on(ListCommandsCommand).callsFake((input: { CommandId: string }) => ({
    Commands: [{ CommandId: input.CommandId, ...sent.get(input.CommandId) }],
  }));
  const listed = (options.schedules ?? []).map((groupAndName) => {
    const [group = '', name = ''] = groupAndName.split('/');
    return { GroupName: group, Name: name, State: 'ENABLED' as const, Target: { Arn: name } };
  });
  const groups = new Set(['default', ...listed.map((schedule) => schedule.GroupName)]);
  stubs.scheduler.on(ListScheduleGroupsCommand).resolves({
    ScheduleGroups: [...groups].map((name) => ({ Name: name, State: 'ACTIVE' as const })),
  });
  stubs.scheduler.on(ListSchedulesCommand).callsFake((input: { GroupName?: string }) =>
    ({ Schedules: listed.filter((schedule) => schedule.GroupName === input.GroupName) }));
  stubs.logs.on(DescribeLogGroupsCommand).callsFake((input: { logGroupNamePrefix: string }) =>
    ({ logGroups: [{ logGroupName: input.logGroupNamePrefix, retentionInDays: 30 }] }));
  const database = (id: string) =>
    ({ DBInstanceIdentifier: id, DBInstanceStatus: 'available', AllocatedStorage: 100 });
  stubs.rds.on(DescribeDBInstancesCommand).callsFake((input: { DBInstanceIdentifier: string }) =>
    ({ DBInstances: [database(input.DBInstanceIdentifier)] }));
}

/** Runs `work` with every SDK client mocked and returns each command it sent. */
export async function recordCommands(
  work: () => Promise<unknown>, options: RecordOptions = {},
): Promise<SentCommand[]> {
  const stubs = stubEveryClient();
  try {
    answerLikeAws(stubs, options);
    await work();
    return each(stubs).flatMap(([prefix, stub]) => stub.calls().map((call) => {
      const command = call.args[0] as { constructor: { name: string }; input: object };
      const operation = command.constructor.name.replace(/Command$/, '');
      return { action: `${prefix}:${operation}`, input: command.input as Record<string, unknown> };
    }));
  } finally {
    for (const [, stub] of each(stubs)) stub.restore();
  }
}
