import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { describe, expect, it } from 'vitest';
import type { TurnoConfig } from './config.ts';
import { shippedConfig, synthTemplate } from './test-stack.ts';

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource?: unknown;
  Condition?: unknown;
}

const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Every statement of every policy document in the template, wherever it sits. */
function statements(template: Template): Statement[] {
  const found: Statement[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (Array.isArray(record.Statement)) found.push(...(record.Statement as Statement[]));
    Object.values(record).forEach(walk);
  };
  walk(template.toJSON().Resources);
  return found;
}

const readOnly = /^[\w-]+:(Describe|Get|List|Filter)\w*$/;

/** Allowed statements with an action that can change something and `*` as a resource. */
function writesOnEverything(template: Template): Statement[] {
  return statements(template).filter((s) => s.Effect === 'Allow'
    && list(s.Action).some((action) => !readOnly.test(action))
    && list(s.Resource).includes('*'));
}

const withAction = (template: Template, action: string): Statement[] =>
  statements(template).filter((s) => list(s.Action).includes(action));
const resourcesOf = (template: Template, action: string): unknown[] =>
  withAction(template, action).flatMap((s) => list(s.Resource));

const config: TurnoConfig = {
  ...shippedConfig(),
  account: '444455556666',
  managedSchedules: ['default/linde-mix-get-positions', 'ops/nightly'],
  scheduleRoleArns: ['arn:aws:iam::444455556666:role/scheduler-lambda'],
  databaseInstances: ['flotas-develop', 'flotas-develop-replica'],
  cronInstanceId: 'i-0123456789abcdef0',
  backendLogGroup: 'aws/ec2/flotas-develop-cluster/task-definition/backend-task',
};
const template = synthTemplate(config);
const prefix = 'arn:aws:scheduler:us-east-1:444455556666:schedule';

describe('least privilege', () => {
  it('finds a write action on * when a stack has one', () => {
    const stack = new Stack(new App(), 'Loose');
    new Role(stack, 'Loose', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') })
      .addToPolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: ['*'] }));

    expect(writesOnEverything(Template.fromStack(stack))).toHaveLength(1);
  });

  it('gives no write action a * resource anywhere in the Turno stack', () => {
    expect(statements(template).length).toBeGreaterThan(10);
    expect(writesOnEverything(template)).toEqual([]);
  });

  it('lets the API get and update only the managed schedules', () => {
    const expected = [`${prefix}/default/linde-mix-get-positions`, `${prefix}/ops/nightly`];

    expect(resourcesOf(template, 'scheduler:UpdateSchedule')).toEqual(expected);
    expect(resourcesOf(template, 'scheduler:GetSchedule')).toEqual(expected);
  });

  it('passes only the schedules\' execution roles, and only to EventBridge Scheduler', () => {
    expect(withAction(template, 'iam:PassRole')).toEqual([expect.objectContaining({
      Resource: 'arn:aws:iam::444455556666:role/scheduler-lambda',
      Condition: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
    })]);
  });

  it('describes and modifies only the two RDS instances', () => {
    const db = 'arn:aws:rds:us-east-1:444455556666:db';
    const expected = [`${db}:flotas-develop`, `${db}:flotas-develop-replica`];

    expect(resourcesOf(template, 'rds:ModifyDBInstance')).toEqual(expected);
    expect(resourcesOf(template, 'rds:DescribeDBInstances')).toEqual(expected);
  });

  it('sends commands only to the cron instance, only with AWS-RunShellScript', () => {
    expect(resourcesOf(template, 'ssm:SendCommand')).toEqual([
      'arn:aws:ec2:us-east-1:444455556666:instance/i-0123456789abcdef0',
      'arn:aws:ssm:us-east-1::document/AWS-RunShellScript',
    ]);
  });

  it('reads and sets retention only on the backend log group', () => {
    const group = 'arn:aws:logs:us-east-1:444455556666:log-group:'
      + 'aws/ec2/flotas-develop-cluster/task-definition/backend-task';

    expect(resourcesOf(template, 'logs:PutRetentionPolicy')).toEqual([group]);
    expect(resourcesOf(template, 'logs:DeleteRetentionPolicy')).toEqual([group]);
    expect(resourcesOf(template, 'logs:FilterLogEvents')).toEqual([group]);
  });

  it('reads only the Turno secrets', () => {
    const secretIds = Object.keys(template.findResources('AWS::SecretsManager::Secret'));
    const refs = resourcesOf(template, 'secretsmanager:GetSecretValue')
      .map((resource) => (resource as { Ref?: string }).Ref);

    expect(new Set(refs)).toEqual(new Set(secretIds));
    expect(secretIds).toHaveLength(4);
  });

  it('gives the authorizer no permission beyond writing its logs', () => {
    const roles = template.findResources('AWS::IAM::Role');
    const authorizerFn = Object.values(template.findResources('AWS::Lambda::Function'))
      .find((fn) => fn.Properties.FunctionName === 'turno-authorizer');
    const roleId = (authorizerFn?.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0];
    const policies = Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((p) => JSON.stringify(p.Properties.Roles).includes(`"${roleId}"`));

    expect(roleId && roles[roleId]).toBeTruthy();
    expect(policies).toEqual([]);
  });
});
