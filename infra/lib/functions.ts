import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { SecurityGroup, Subnet, Vpc } from 'aws-cdk-lib/aws-ec2';
import {
  Architecture, Code, Function as LambdaFunction, ParamsAndSecretsLayerVersion,
  ParamsAndSecretsLogLevel, ParamsAndSecretsVersions, Runtime, type FunctionProps,
} from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { TurnoConfig } from './config.ts';
import { executionRole, functionLogGroupName } from './execution-role.ts';

export const functionNames = ['api', 'authorizer', 'watcher'] as const;
export type FunctionName = (typeof functionNames)[number];

export interface TurnoFunctionsProps {
  config: TurnoConfig;
  /** Folder holding one bundle per function (`npm run bundle` writes dist/lambda/<name>). */
  codeDir: string;
  environment: Record<FunctionName, Record<string, string>>;
}

const sizing: Record<FunctionName, Pick<FunctionProps, 'memorySize' | 'timeout'>> = {
  // HTTP API gives up on an integration after 30 s.
  api: { memorySize: 512, timeout: Duration.seconds(29) },
  authorizer: { memorySize: 256, timeout: Duration.seconds(5) },
  // Polls for 50 s and may end a probe pass by 80 s (longestInvocationMs); claims and a
  // database lock keep the next minute's invocation from doing the same work twice.
  watcher: { memorySize: 256, timeout: Duration.seconds(90) },
};

/** The functions that read Turno's secrets; the authorizer reads none. */
const readsSecrets: Record<FunctionName, boolean> = {
  api: true, authorizer: false, watcher: true,
};

/**
 * The AWS Parameters and Secrets Lambda Extension, which api/src/secrets-extension.ts asks on
 * localhost: a cold start then loads no SDK client for Secrets Manager. It reads with the
 * function's own role. Its copy lives a minute, so a token fixed after a rejection (which
 * drops Turno's own copy) is used within one.
 */
const secretsExtension = () => ParamsAndSecretsLayerVersion.fromVersion(
  ParamsAndSecretsVersions.V1_0_103, {
    // Turno has four secrets (secrets.ts).
    cacheSize: 10,
    secretsManagerTtl: Duration.seconds(60),
    logLevel: ParamsAndSecretsLogLevel.WARN,
  },
);

/** Where a function's bundle lives; refuses early when `npm run bundle` has not run. */
export function bundleDir(codeDir: string, name: FunctionName): string {
  const dir = join(codeDir, name);
  if (!['index.mjs', 'index.js'].some((file) => existsSync(join(dir, file)))) {
    throw new Error(`No bundle in ${dir}: run \`npm run bundle\` first`);
  }
  return dir;
}

/**
 * The three Lambdas, all in the existing VPC's private subnets: the API and the watcher reach
 * the RDS instances there, and all three reach the internet through the VPC's NAT (push, the
 * UltraMsg and Gmail probes, Cognito's signing keys for the authorizer). Each has a role of
 * its own with no AWS managed policy (execution-role.ts).
 */
export class TurnoFunctions extends Construct {
  readonly api: LambdaFunction;
  readonly authorizer: LambdaFunction;
  readonly watcher: LambdaFunction;

  constructor(scope: Construct, id: string, props: TurnoFunctionsProps) {
    super(scope, id);
    const { network } = props.config;
    const vpc = Vpc.fromVpcAttributes(this, 'Vpc', {
      vpcId: network.vpcId,
      availabilityZones: network.availabilityZones,
    });
    const inVpc = {
      vpc,
      vpcSubnets: {
        subnets: network.privateSubnetIds.map((subnetId) =>
          Subnet.fromSubnetId(this, `Subnet-${subnetId}`, subnetId)),
      },
      securityGroups: network.securityGroupIds.map((groupId) =>
        SecurityGroup.fromSecurityGroupId(this, `Sg-${groupId}`, groupId, { mutable: false })),
    };

    const make = (name: FunctionName) => {
      const functionName = `turno-${name}`;
      return new LambdaFunction(this, name, {
        functionName,
        runtime: Runtime.NODEJS_22_X,
        architecture: Architecture.ARM_64,
        handler: 'index.handler',
        code: Code.fromAsset(bundleDir(props.codeDir, name)),
        environment: props.environment[name],
        role: executionRole(this, `${name}-role`, { config: props.config, functionName }),
        // An explicit group keeps retention out of a log-retention custom resource.
        logGroup: new LogGroup(this, `${name}-logs`, {
          logGroupName: functionLogGroupName(functionName),
          retention: RetentionDays.ONE_MONTH,
          removalPolicy: RemovalPolicy.DESTROY,
        }),
        ...readsSecrets[name] ? { paramsAndSecrets: secretsExtension() } : {},
        ...inVpc,
        ...sizing[name],
      });
    };
    this.api = make('api');
    this.authorizer = make('authorizer');
    this.watcher = make('watcher');
  }
}
