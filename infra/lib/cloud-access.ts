import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { TurnoConfig } from './config.ts';

/** The ARNs the API may change: each write action below is scoped to these only. */
export function cloudArns(config: TurnoConfig) {
  const { region, account } = config;
  return {
    schedules: config.managedSchedules
      .map((groupAndName) => `arn:aws:scheduler:${region}:${account}:schedule/${groupAndName}`),
    databases: config.databaseInstances
      .map((id) => `arn:aws:rds:${region}:${account}:db:${id}`),
    cronInstance: `arn:aws:ec2:${region}:${account}:instance/${config.cronInstanceId}`,
    // AWS-owned documents have no account in their ARN.
    runShellScript: `arn:aws:ssm:${region}::document/AWS-RunShellScript`,
    logGroup: `arn:aws:logs:${region}:${account}:log-group:${config.backendLogGroup}`,
  };
}

/**
 * What the API Lambda may do in the runbook's account. List, describe and metric reads that
 * IAM cannot scope to a resource get `*`; every change is scoped to the resources it touches.
 */
export function cloudAccessStatements(config: TurnoConfig): PolicyStatement[] {
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
    new PolicyStatement({
      sid: 'ListSchedules',
      actions: ['scheduler:ListSchedules', 'scheduler:ListScheduleGroups'],
      resources: ['*'],
    }),
    // Scoped per instance, so the adapter names each one (DBInstanceIdentifier): IAM checks a
    // Filters-only call against db:*, which this statement does not grant.
    new PolicyStatement({
      sid: 'Databases',
      actions: ['rds:DescribeDBInstances', 'rds:ModifyDBInstance'],
      resources: arns.databases,
    }),
    new PolicyStatement({
      sid: 'ReadMetricsAndInstances',
      actions: [
        'cloudwatch:GetMetricData', 'ec2:DescribeInstances', 'ec2:DescribeInstanceStatus',
        'ssm:GetCommandInvocation', 'ssm:ListCommands', 'logs:DescribeLogGroups',
      ],
      resources: ['*'],
    }),
    new PolicyStatement({
      sid: 'CronCommands',
      actions: ['ssm:SendCommand'],
      resources: [arns.cronInstance, arns.runShellScript],
    }),
    new PolicyStatement({
      sid: 'BackendLogGroup',
      actions: ['logs:FilterLogEvents', 'logs:PutRetentionPolicy', 'logs:DeleteRetentionPolicy'],
      resources: [arns.logGroup],
    }),
  ];
}
