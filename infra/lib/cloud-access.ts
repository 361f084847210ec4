import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { TurnoConfig } from './config.ts';

/** The ARNs the Lambdas may touch: each write action below is scoped to these only. */
export function cloudArns(config: TurnoConfig) {
  const { region, account } = config;
  const logGroup = `arn:aws:logs:${region}:${account}:log-group:${config.backendLogGroup}`;
  return {
    schedules: config.managedSchedules
      .map((groupAndName) => `arn:aws:scheduler:${region}:${account}:schedule/${groupAndName}`),
    databases: config.databaseInstances
      .map((id) => `arn:aws:rds:${region}:${account}:db:${id}`),
    cronInstance: `arn:aws:ec2:${region}:${account}:instance/${config.cronInstanceId}`,
    // AWS-owned documents have no account in their ARN.
    runShellScript: `arn:aws:ssm:${region}::document/AWS-RunShellScript`,
    // CloudWatch Logs checks some actions against the bare ARN, the others against `:*`.
    logGroup: [logGroup, `${logGroup}:*`],
    // DescribeLogGroups lists: IAM takes no single group for it, only this account's groups.
    anyLogGroup: `arn:aws:logs:${region}:${account}:log-group:*`,
  };
}

type Arns = ReturnType<typeof cloudArns>;

/** Listing schedules and their groups: reads IAM cannot scope. */
const listSchedules = () => new PolicyStatement({
  sid: 'ListSchedules',
  actions: ['scheduler:ListSchedules', 'scheduler:ListScheduleGroups'],
  resources: ['*'],
});

/** Metric and EC2 reads and Run Command polls: IAM cannot scope them, so they get `*`. */
const readMetricsAndInstances = () => new PolicyStatement({
  sid: 'ReadMetricsAndInstances',
  actions: [
    'cloudwatch:GetMetricData', 'ec2:DescribeInstances', 'ec2:DescribeInstanceStatus',
    'ssm:GetCommandInvocation', 'ssm:ListCommands',
  ],
  resources: ['*'],
});

// IAM cannot pin the script AWS-RunShellScript runs: the adapter's fixed scripts are the limit.
const cronCommands = (arns: Arns) => new PolicyStatement({
  sid: 'CronCommands',
  actions: ['ssm:SendCommand'],
  resources: [arns.cronInstance, arns.runShellScript],
});

// Scoped per instance, so the adapter names each one (DBInstanceIdentifier): IAM checks a
// Filters-only call against db:*, which these statements do not grant.
const databases = (arns: Arns, actions: string[]) => new PolicyStatement({
  sid: 'Databases', actions, resources: arns.databases,
});

/**
 * What the API Lambda may do in the runbook's account: every page and action of the PWA.
 * Reads IAM cannot scope get `*`; every change is scoped to the resources it touches.
 */
export function apiCloudStatements(config: TurnoConfig): PolicyStatement[] {
  const arns = cloudArns(config);
  return [
    new PolicyStatement({
      sid: 'ManagedSchedules',
      actions: ['scheduler:GetSchedule', 'scheduler:UpdateSchedule'],
      resources: arns.schedules,
    }),
    // UpdateSchedule sends the target's execution role back, which IAM treats as passing it.
    new PolicyStatement({
      sid: 'PassScheduleRoles',
      actions: ['iam:PassRole'],
      resources: config.scheduleRoleArns,
      conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
    }),
    listSchedules(),
    databases(arns, ['rds:DescribeDBInstances', 'rds:ModifyDBInstance']),
    // The 6-hour rule reads storage changes made outside Turno; IAM takes no resource for it.
    new PolicyStatement({
      sid: 'DatabaseEvents', actions: ['rds:DescribeEvents'], resources: ['*'],
    }),
    readMetricsAndInstances(),
    cronCommands(arns),
    new PolicyStatement({
      sid: 'DescribeLogGroups', actions: ['logs:DescribeLogGroups'], resources: [arns.anyLogGroup],
    }),
    new PolicyStatement({
      sid: 'BackendLogGroup',
      actions: ['logs:FilterLogEvents', 'logs:PutRetentionPolicy', 'logs:DeleteRetentionPolicy'],
      resources: arns.logGroup,
    }),
  ];
}

/**
 * What the watcher may do: read what its RDS, EC2, pm2, cron-disk and all-functions probes
 * look at. Its one
 * write is SendCommand on the cron instance, for the `df` and `pm2 jlist` scripts.
 */
export function watcherCloudStatements(config: TurnoConfig): PolicyStatement[] {
  const arns = cloudArns(config);
  return [
    databases(arns, ['rds:DescribeDBInstances']),
    // The all-functions probe reads which managed schedules are on, and whether they have ended.
    listSchedules(),
    new PolicyStatement({
      sid: 'ReadManagedSchedules', actions: ['scheduler:GetSchedule'], resources: arns.schedules,
    }),
    readMetricsAndInstances(),
    cronCommands(arns),
  ];
}
