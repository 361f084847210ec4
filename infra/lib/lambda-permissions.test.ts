import { cronCommandKinds } from '@turno/shared';
import { describe, expect, it } from 'vitest';
import { createAwsCloud } from '../../api/src/cloud/aws/index.ts';
import { resolveAws } from '../../api/src/config-aws.ts';
import { envSchema } from '../../api/src/config-env.ts';
import { readInfraConfig } from '../../api/src/probes/infra/config.ts';
import type { CommandWait } from '../../api/src/probes/infra/cron-command.ts';
import { allFunctionsProbe } from '../../api/src/probes/infra/all-functions-probe.ts';
import { cronDiskProbe } from '../../api/src/probes/infra/cron-disk-probe.ts';
import { ec2Probe } from '../../api/src/probes/infra/ec2-probe.ts';
import { infraProbes } from '../../api/src/probes/infra/index.ts';
import { pm2Probe } from '../../api/src/probes/infra/pm2-probe.ts';
import { rdsProbe } from '../../api/src/probes/infra/rds-probe.ts';
import type { AppDeps } from '../../api/src/types.ts';
import { accessRequests } from './iam-requests.ts';
import { reachableCommands } from './sdk-reach.ts';
import { recordCommands, type SentCommand } from './sdk-recorder.ts';
import { allows, readOnly, roleStatements, type Statement } from './template-policies.ts';
import { accountConfig, synthTemplate } from './test-stack.ts';

const config = accountConfig();
const template = synthTemplate(config);
const where = { region: config.region, account: config.account };

/** A function's environment from the template: its text values parsed as its code does. */
function environment(functionName: string) {
  const fn = Object.values(template.findResources('AWS::Lambda::Function'))
    .find((resource) => resource.Properties.FunctionName === functionName);
  const variables = (fn?.Properties.Environment as { Variables: Record<string, unknown> })
    .Variables;
  const text = Object.entries(variables).filter(([, value]) => typeof value === 'string');
  const env = envSchema.parse({ ...Object.fromEntries(text), AWS_REGION: config.region });
  const aws = resolveAws(env).aws;
  if (!aws) throw new Error(`${functionName} is not configured for AWS`);
  // Each secret named in the environment is read with GetSecretValue, by the SDK client or
  // by the secrets extension with the function's role (api/src/secrets.ts).
  const secrets: SentCommand[] = Object.entries(variables)
    .filter(([name]) => name.endsWith('_SECRET_ARN'))
    .map(([, arn]) => ({ action: 'secretsmanager:GetSecretValue', input: { SecretId: arn } }));
  return { env, aws, secrets };
}

const refused = (statements: Statement[], sent: SentCommand[]) => sent
  .flatMap((command) => accessRequests(command, where))
  .filter((request) => !allows(statements, request));
const actions = (sent: SentCommand[]) => [...new Set(sent.map((c) => c.action))].sort();

const noWait: CommandWait = { sleep: async () => {}, pollMs: 0, attempts: 5 };

/** Every probe the watcher runs on AWS, as infraProbes builds them but without real sleeps. */
async function watcherCommands(): Promise<SentCommand[]> {
  const { env, aws, secrets } = environment('turno-watcher');
  const infra = readInfraConfig(env);
  // The all-functions probe also counts rows in Turno's own state: none here.
  const statePool = { query: async () => ({ rows: [] }) };
  const deps = {
    cloud: createAwsCloud(aws), config: { infra, managedSchedules: env.MANAGED_SCHEDULES },
    statePool,
  } as unknown as AppDeps;
  const probes = [
    rdsProbe(infra.rds), ec2Probe(infra.ec2),
    pm2Probe(infra.cron, noWait), cronDiskProbe(infra.cron, noWait),
    allFunctionsProbe(infra.allFunctions),
  ];
  expect(probes.map((p) => p.name)).toEqual(infraProbes(deps).map((p) => p.name));
  // The managed schedules are listed as on, so the all-functions probe reads their end dates.
  const sent = await recordCommands(async () => {
    for (const probe of probes) await probe.run(deps, new Date());
  }, { schedules: env.MANAGED_SCHEDULES });
  return [...sent, ...secrets];
}

/** Every method of every cloud port the API's routes and actions call. */
async function apiCommands(): Promise<SentCommand[]> {
  const { aws, secrets } = environment('turno-api');
  const cloud = createAwsCloud(aws);
  const [group = '', name = ''] = (config.managedSchedules[0] ?? '').split('/');
  const [primary = '', replica = ''] = config.databaseInstances;
  const since = new Date(Date.now() - 3_600_000);
  const sent = await recordCommands(async () => {
    await cloud.scheduler.listSchedules();
    await cloud.scheduler.getSchedule(group, name);
    await cloud.scheduler.updateSchedule({
      GroupName: group, Name: name, State: 'DISABLED', ScheduleExpression: 'rate(5 minutes)',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: {
        Arn: `arn:aws:lambda:${config.region}:${config.account}:function:linde-mix`,
        RoleArn: config.scheduleRoleArns[0] ?? '',
      },
    });
    await cloud.rds.listDatabases();
    await cloud.rds.getMetrics([
      { id: primary, role: 'primary' }, { id: replica, role: 'replica' },
    ]);
    await cloud.rds.getMetricHistory([
      { id: primary, metric: 'cpuPercent', periodSeconds: 60, since },
    ]);
    await cloud.rds.modifyStorage({ id: primary, allocatedStorageGiB: 110 });
    await cloud.rds.recentStorageChanges([primary, replica], since);
    await cloud.ec2.listInstances();
    for (const kind of cronCommandKinds) await cloud.cronHost.startCommand(kind, { process: 0 });
    // The first poll finds no invocation yet (ListCommands), the second its result.
    await cloud.cronHost.getCommand('c-1');
    await cloud.cronHost.getCommand('c-1');
    await cloud.logs.recentErrors(10);
    await cloud.logs.getRetention();
    await cloud.logs.setRetention(30);
    await cloud.logs.setRetention(null);
  });
  return [...sent, ...secrets];
}

describe('what each Lambda sends to AWS, and its role', () => {
  it('lets the watcher send every call its probes make, on the resources they name', async () => {
    const sent = await watcherCommands();

    expect(actions(sent)).toEqual([
      'cloudwatch:GetMetricData', 'ec2:DescribeInstanceStatus', 'ec2:DescribeInstances',
      'rds:DescribeDBInstances', 'scheduler:GetSchedule', 'scheduler:ListScheduleGroups',
      'scheduler:ListSchedules', 'secretsmanager:GetSecretValue', 'ssm:GetCommandInvocation',
      'ssm:ListCommands', 'ssm:SendCommand',
    ]);
    expect(refused(roleStatements(template, 'turno-watcher'), sent)).toEqual([]);
  });

  it('reaches UltraMsg and Google from the messaging probes with no AWS call but secrets', () => {
    expect(reachableCommands('probes/messaging/index.ts'))
      .toEqual(['secretsmanager:GetSecretValue']);
  });

  it('lets the API send every command the adapters hold, on the resources it names', async () => {
    const sent = await apiCommands();

    expect(actions(sent)).toEqual(reachableCommands('lambda/api.ts'));
    expect(refused(roleStatements(template, 'turno-api'), sent)).toEqual([]);
  });

  it('sends nothing to AWS from the authorizer: Cognito\'s keys come over plain HTTPS', () => {
    expect(reachableCommands('lambda/authorizer.ts')).toEqual([]);
  });

  it('gives the watcher no write but SendCommand, outside its own logs and interfaces', () => {
    const arn = (service: string, resource: string) =>
      `arn:aws:${service}:us-east-1:444455556666:${resource}`;
    const ownLogs = arn('logs', 'log-group:/aws/lambda/turno-watcher:*');
    const interfaces = arn('ec2', 'network-interface/*');
    const writes = roleStatements(template, 'turno-watcher').flatMap((s) => [s.Action].flat()
      .filter((action) => !readOnly.test(action))
      .map((action) => ({ action, resources: [s.Resource].flat() })));

    expect(writes).toEqual([
      { action: 'logs:CreateLogStream', resources: [ownLogs] },
      { action: 'logs:PutLogEvents', resources: [ownLogs] },
      {
        action: 'ec2:CreateNetworkInterface',
        resources: [interfaces, ...config.network.privateSubnetIds.map((id) =>
          arn('ec2', `subnet/${id}`)), arn('ec2', `security-group/${config.network
          .securityGroupIds[0]}`)],
      },
      ...['Delete', 'AssignPrivateIpAddresses', 'UnassignPrivateIpAddresses'].map((verb) => ({
        action: verb === 'Delete' ? 'ec2:DeleteNetworkInterface' : `ec2:${verb}`,
        resources: [interfaces],
      })),
      {
        action: 'ssm:SendCommand',
        resources: [
          arn('ec2', `instance/${config.cronInstanceId}`),
          'arn:aws:ssm:us-east-1::document/AWS-RunShellScript',
        ],
      },
    ]);
  });

  it('refuses the watcher what only the API may do', async () => {
    const apiOnly = (await apiCommands()).filter((c) => !readOnly.test(c.action));
    const watcher = roleStatements(template, 'turno-watcher');
    const refusedActions = apiOnly.filter((command) => accessRequests(command, where)
      .some((request) => !allows(watcher, request))).map((c) => c.action);

    expect([...new Set(refusedActions)].sort()).toEqual([
      'logs:DeleteRetentionPolicy', 'logs:PutRetentionPolicy', 'rds:ModifyDBInstance',
      'scheduler:UpdateSchedule',
    ]);
  });
});
