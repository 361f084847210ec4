import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Vpc } from 'aws-cdk-lib/aws-ec2';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  list, managedPolicies, roleStatements, statements, writesOnEverything,
} from './template-policies.ts';
import { accountConfig, synthTemplate } from './test-stack.ts';

/** Managed policies any role may carry: none, since AWS's own put their writes on `*`. */
const allowedManagedPolicies: string[] = [];
const notAllowed = (template: Template) => managedPolicies(template)
  .filter((arn) => !allowedManagedPolicies.includes(JSON.stringify(arn)));

const config = accountConfig();
const template = synthTemplate(config);
const names = ['turno-api', 'turno-authorizer', 'turno-watcher'];
const arn = (service: string, resource: string) =>
  `arn:aws:${service}:us-east-1:444455556666:${resource}`;
const schedules = [arn('scheduler', 'schedule/default/linde-mix-get-positions'),
  arn('scheduler', 'schedule/ops/nightly')];
const databases = [arn('rds', 'db:flotas-develop'), arn('rds', 'db:flotas-develop-replica')];
const backendGroup = arn('logs', 'log-group:'
  + 'aws/ec2/flotas-develop-cluster/task-definition/backend-task');

/** The resources a role grants an action on, over all its statements. */
const resourcesOf = (functionName: string, action: string): unknown[] =>
  roleStatements(template, functionName)
    .filter((s) => list(s.Action).includes(action)).flatMap((s) => list(s.Resource));

describe('least privilege', () => {
  it('finds a write action on * when a stack has one', () => {
    const stack = new Stack(new App(), 'Loose');
    new Role(stack, 'Loose', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') })
      .addToPolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: ['*'] }));

    expect(writesOnEverything(Template.fromStack(stack))).toHaveLength(1);
  });

  it('finds the managed policies CDK gives a Lambda in a VPC by default', () => {
    const stack = new Stack(new App(), 'Default');
    new LambdaFunction(stack, 'Fn', {
      runtime: Runtime.NODEJS_22_X, handler: 'index.handler', code: Code.fromInline('x'),
      vpc: Vpc.fromVpcAttributes(stack, 'Vpc', {
        vpcId: 'vpc-1', availabilityZones: ['us-east-1a'], privateSubnetIds: ['subnet-1'],
      }),
    });

    expect(notAllowed(Template.fromStack(stack)).map((p) => JSON.stringify(p)).join())
      .toMatch(/AWSLambdaBasicExecutionRole.*AWSLambdaVPCAccessExecutionRole/);
  });

  it('gives no write action a * resource in any policy of the Turno stack', () => {
    expect(statements(template).length).toBeGreaterThan(20);
    expect(writesOnEverything(template)).toEqual([]);
  });

  it('attaches no managed policy outside the allow-list to any role', () => {
    expect(notAllowed(template)).toEqual([]);
  });

  it('lets each function write its own log group only, which the stack creates', () => {
    for (const name of names) {
      const own = arn('logs', `log-group:/aws/lambda/${name}:*`);

      expect(resourcesOf(name, 'logs:CreateLogStream')).toEqual([own]);
      expect(resourcesOf(name, 'logs:PutLogEvents')).toEqual([own]);
      expect(resourcesOf(name, 'logs:CreateLogGroup')).toEqual([]);
      template.hasResourceProperties('AWS::Logs::LogGroup', {
        LogGroupName: `/aws/lambda/${name}`,
      });
    }
  });

  it('lets each function create interfaces only in the configured subnets and groups', () => {
    const subnets = config.network.privateSubnetIds.map((id) => arn('ec2', `subnet/${id}`));
    const groups = config.network.securityGroupIds
      .map((id) => arn('ec2', `security-group/${id}`));
    for (const name of names) {
      expect(resourcesOf(name, 'ec2:CreateNetworkInterface'))
        .toEqual([arn('ec2', 'network-interface/*'), ...subnets, ...groups]);
      expect(roleStatements(template, name)).toContainEqual(expect.objectContaining({
        Action: ['ec2:DeleteNetworkInterface', 'ec2:AssignPrivateIpAddresses',
          'ec2:UnassignPrivateIpAddresses'],
        Resource: arn('ec2', 'network-interface/*'),
        Condition: { ArnEqualsIfExists: { 'ec2:Subnet': subnets } },
      }));
    }
  });

  it('lets the API get and update only the managed schedules', () => {
    expect(resourcesOf('turno-api', 'scheduler:UpdateSchedule')).toEqual(schedules);
    expect(resourcesOf('turno-api', 'scheduler:GetSchedule')).toEqual(schedules);
  });

  it('lets the watcher get the managed schedules, for their end dates, and update none', () => {
    expect(resourcesOf('turno-watcher', 'scheduler:GetSchedule')).toEqual(schedules);
    expect(resourcesOf('turno-watcher', 'scheduler:UpdateSchedule')).toEqual([]);
  });

  it('passes only the schedules\' execution roles, only to EventBridge Scheduler', () => {
    const passing = statements(template).filter((s) => list(s.Action).includes('iam:PassRole'));

    expect(passing).toEqual([expect.objectContaining({
      Resource: 'arn:aws:iam::444455556666:role/scheduler-lambda',
      Condition: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
    })]);
  });

  it('describes only the two RDS instances, and lets only the API modify them', () => {
    expect(resourcesOf('turno-api', 'rds:ModifyDBInstance')).toEqual(databases);
    expect(resourcesOf('turno-api', 'rds:DescribeDBInstances')).toEqual(databases);
    expect(resourcesOf('turno-watcher', 'rds:DescribeDBInstances')).toEqual(databases);
    expect(resourcesOf('turno-watcher', 'rds:ModifyDBInstance')).toEqual([]);
  });

  it('sends commands only to the cron instance, only with AWS-RunShellScript', () => {
    for (const name of ['turno-api', 'turno-watcher']) {
      expect(resourcesOf(name, 'ssm:SendCommand')).toEqual([
        arn('ec2', 'instance/i-0123456789abcdef0'),
        'arn:aws:ssm:us-east-1::document/AWS-RunShellScript',
      ]);
    }
  });

  it('reads and sets retention only on the backend log group, by both of its ARNs', () => {
    const both = [backendGroup, `${backendGroup}:*`];

    for (const action of ['PutRetentionPolicy', 'DeleteRetentionPolicy', 'FilterLogEvents']) {
      expect(resourcesOf('turno-api', `logs:${action}`)).toEqual(both);
      expect(resourcesOf('turno-watcher', `logs:${action}`)).toEqual([]);
    }
    expect(resourcesOf('turno-api', 'logs:DescribeLogGroups'))
      .toEqual([arn('logs', 'log-group:*')]);
  });

  it('lets the API and the watcher read only the Turno secrets, the authorizer none', () => {
    const secretIds = Object.keys(template.findResources('AWS::SecretsManager::Secret'));
    const refs = (name: string) => new Set(resourcesOf(name, 'secretsmanager:GetSecretValue')
      .map((resource) => (resource as { Ref?: string }).Ref));

    expect(secretIds).toHaveLength(4);
    expect(refs('turno-api')).toEqual(new Set(secretIds));
    expect(refs('turno-watcher')).toEqual(new Set(secretIds));
    expect(refs('turno-authorizer')).toEqual(new Set());
  });

  it('gives the authorizer nothing beyond its logs and its network interfaces', () => {
    const sids = roleStatements(template, 'turno-authorizer').map((s) => s.Sid);

    expect(sids).toEqual(['OwnLogGroup', 'CreateVpcInterfaces', 'ManageVpcInterfaces',
      'DescribeVpcInterfaces']);
  });
});
