import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { TurnoConfig } from './config.ts';

/** The log group a function writes to; the stack creates it, so Lambda never has to. */
export const functionLogGroupName = (functionName: string) => `/aws/lambda/${functionName}`;

/**
 * What a Lambda in the VPC needs to attach to it, written out instead of AWS's managed
 * AWSLambdaVPCAccessExecutionRole (every action on `*`). Lambda calls these with the
 * function's own role when it creates or updates the function and when it scales.
 */
export function vpcAccessStatements(config: TurnoConfig): PolicyStatement[] {
  const { region, account, network } = config;
  const ec2 = (resource: string) => `arn:aws:ec2:${region}:${account}:${resource}`;
  const subnets = network.privateSubnetIds.map((id) => ec2(`subnet/${id}`));
  return [
    // A new interface is authorised against the subnet and groups it joins as well.
    new PolicyStatement({
      sid: 'CreateVpcInterfaces',
      actions: ['ec2:CreateNetworkInterface'],
      resources: [
        ec2('network-interface/*'), ...subnets,
        ...network.securityGroupIds.map((id) => ec2(`security-group/${id}`)),
      ],
    }),
    // IfExists: Lambda checks the role against no real interface when it validates the function.
    new PolicyStatement({
      sid: 'ManageVpcInterfaces',
      actions: [
        'ec2:DeleteNetworkInterface', 'ec2:AssignPrivateIpAddresses',
        'ec2:UnassignPrivateIpAddresses',
      ],
      resources: [ec2('network-interface/*')],
      conditions: { ArnEqualsIfExists: { 'ec2:Subnet': subnets } },
    }),
    // Describe calls work only on `*`; they change nothing.
    new PolicyStatement({
      sid: 'DescribeVpcInterfaces',
      actions: ['ec2:DescribeNetworkInterfaces', 'ec2:DescribeSubnets'],
      resources: ['*'],
    }),
  ];
}

/**
 * A function's role with no AWS managed policy: it writes its own log group only and, in the
 * VPC, manages its network interfaces in the configured subnets. Callers add the rest.
 */
export function executionRole(
  scope: Construct, id: string, props: { config: TurnoConfig; functionName: string },
): Role {
  const { config, functionName } = props;
  const group = `arn:aws:logs:${config.region}:${config.account}:log-group:`
    + functionLogGroupName(functionName);
  const role = new Role(scope, id, {
    assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    description: `Execution role of ${functionName}`,
  });
  // The `:*` form covers the group's streams, which PutLogEvents is checked against.
  role.addToPolicy(new PolicyStatement({
    sid: 'OwnLogGroup',
    actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
    resources: [`${group}:*`],
  }));
  for (const statement of vpcAccessStatements(config)) role.addToPolicy(statement);
  return role;
}
