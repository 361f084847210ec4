import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { envSchema } from '../../api/src/config-env.ts';
import { loadConfig as loadApiConfig } from '../../api/src/config.ts';
import { longestInvocationMs, watcherCadence } from '../../api/src/lambda/watcher.ts';
import {
  cognitoLogoutPath, cognitoRedirectPath,
} from '../../api/src/routes/client-config.ts';
import { shippedConfig, stubBundles, synthTemplate } from './test-stack.ts';
import { TurnoStack } from './turno-stack.ts';

const config = shippedConfig();
// Synthesised once: every test below only reads the template.
const template = synthTemplate(config);

/** A function's environment variables whose names start with `prefix`, by function name. */
const prefixed = (synthesised: ReturnType<typeof synthTemplate>) =>
  (name: string, prefix: string): Record<string, string> => {
    const fns = Object.values(synthesised.findResources('AWS::Lambda::Function', {
      Properties: { FunctionName: name },
    }));
    const all = (fns[0]?.Properties.Environment as { Variables: Record<string, string> })
      .Variables;
    return Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith(prefix)));
  };
const logicalId = (type: string, props: object) => {
  const ids = Object.keys(template.findResources(type, { Properties: props }));
  expect(ids).toHaveLength(1);
  return ids[0];
};

describe('the Turno stack', () => {
  it('runs the api, authorizer and watcher Lambdas on nodejs22.x', () => {
    template.resourceCountIs('AWS::Lambda::Function', 3);
    for (const name of ['api', 'authorizer', 'watcher']) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: `turno-${name}`, Runtime: 'nodejs22.x', Handler: 'index.handler',
      });
    }
  });

  it('puts all three Lambdas in the configured private subnets and security groups', () => {
    const vpcConfig = {
      SubnetIds: config.network.privateSubnetIds,
      SecurityGroupIds: config.network.securityGroupIds,
    };
    for (const name of ['turno-api', 'turno-authorizer', 'turno-watcher']) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: name, VpcConfig: vpcConfig,
      });
    }
  });

  it('creates each Lambda after the policy that lets it attach to the VPC', () => {
    // Lambda checks the role's network-interface permissions when it creates the function.
    for (const fn of Object.values(template.findResources('AWS::Lambda::Function'))) {
      const role = (fn.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0];
      const policies = Object.entries(template.findResources('AWS::IAM::Policy'))
        .filter(([, policy]) => JSON.stringify(policy.Properties.Roles)
          .includes(`{"Ref":"${role}"}`))
        .map(([id]) => id);

      expect(policies).toHaveLength(1);
      expect(fn.DependsOn).toEqual(expect.arrayContaining([role, ...policies]));
    }
  });

  it('guards /api/{proxy+} with a cached Lambda authorizer giving simple responses', () => {
    const authorizerFn = logicalId('AWS::Lambda::Function', { FunctionName: 'turno-authorizer' });
    const authorizer = logicalId('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'REQUEST',
      AuthorizerPayloadFormatVersion: '2.0',
      EnableSimpleResponses: true,
      IdentitySource: ['$request.header.Authorization'],
      AuthorizerResultTtlInSeconds: 60,
      AuthorizerUri: Match.objectLike({
        'Fn::Join': Match.arrayWith([
          Match.arrayWith([{ 'Fn::GetAtt': [authorizerFn, 'Arn'] }]),
        ]),
      }),
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'ANY /api/{proxy+}',
      AuthorizationType: 'CUSTOM',
      AuthorizerId: { Ref: authorizer },
    });
  });

  it('leaves health, client config and the VAPID key open: the PWA reads them signed out', () => {
    for (const key of ['GET /api/health', 'GET /api/client-config', 'GET /api/push/key']) {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: key, AuthorizationType: 'NONE',
      });
    }
    template.resourceCountIs('AWS::ApiGatewayV2::Route', 4);
  });

  it('starts the watcher every minute, from a schedule group of its own', () => {
    const group = logicalId('AWS::Scheduler::ScheduleGroup', { Name: 'turno' });
    const schedules = Object.values(template.findResources('AWS::Scheduler::Schedule'));

    expect(schedules).toHaveLength(1);
    expect(schedules[0]?.Properties).toMatchObject({ Name: 'turno-watcher', GroupName: 'turno' });
    expect(schedules[0]?.DependsOn).toEqual([group]);
  });

  it('starts the watcher with a role that may only invoke it', () => {
    const watcher = logicalId('AWS::Lambda::Function', { FunctionName: 'turno-watcher' });
    const role = logicalId('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({
        Statement: [Match.objectLike({ Principal: { Service: 'scheduler.amazonaws.com' } })],
      }),
    });
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(1 minute)',
      State: 'ENABLED',
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [watcher, 'Arn'] }, RoleArn: { 'Fn::GetAtt': [role, 'Arn'] },
      }),
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: role }],
      PolicyDocument: {
        Statement: [{
          Action: 'lambda:InvokeFunction', Effect: 'Allow',
          Resource: { 'Fn::GetAtt': [watcher, 'Arn'] },
        }],
        Version: '2012-10-17',
      },
    });
  });

  it('has a user pool with the viewer, operator and admin groups and no self sign-up', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
    const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup'))
      .map((group) => (group.Properties as { GroupName: string }).GroupName);
    expect(groups.sort()).toEqual(['admin', 'operator', 'viewer']);
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: config.cognitoDomainPrefix,
    });
  });

  it('gives the PWA a public code-flow client returning to its pages on CloudFront', () => {
    const cdn = logicalId('AWS::CloudFront::Distribution', {});
    const page = (path: string) => ({
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [cdn, 'DomainName'] }, path]],
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      CallbackURLs: [page(cognitoRedirectPath)],
      LogoutURLs: [page(cognitoLogoutPath)],
    });
  });

  it('creates the four secrets without any value in the template', () => {
    const secrets = Object.values(template.findResources('AWS::SecretsManager::Secret'))
      .map((secret) => secret.Properties as Record<string, unknown>);
    expect(secrets.map((secret) => secret.Name).sort())
      .toEqual(['turno/database', 'turno/gmail', 'turno/ultramsg', 'turno/vapid']);
    for (const secret of secrets) {
      expect(secret).not.toHaveProperty('SecretString');
      expect(secret).toHaveProperty('GenerateSecretString');
    }
  });

  it('keeps the PWA bucket private, encrypted and reachable over TLS only', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true, BlockPublicPolicy: true,
        IgnorePublicAcls: true, RestrictPublicBuckets: true,
      },
      BucketEncryption: Match.objectLike({
        ServerSideEncryptionConfiguration: [Match.objectLike({
          ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' },
        })],
      }),
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([Match.objectLike({
          Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        })]),
      }),
    });
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
  });

  it('tells the watcher and the API the Lambda watcher\'s 10 s polling interval', () => {
    const seconds = String(watcherCadence.intervalMs / 1000);

    expect(seconds).toBe('10');
    for (const name of ['turno-watcher', 'turno-api']) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        FunctionName: name,
        Environment: { Variables: Match.objectLike({ WATCH_INTERVAL_S: seconds }) },
      });
    }
  });

  it('leaves CRON_PM2_* unset without cronPm2, so the API uses the runbook\'s ssm-user', () => {
    for (const fn of Object.values(template.findResources('AWS::Lambda::Function'))) {
      const variables = (fn.Properties.Environment as { Variables: object }).Variables;

      expect(Object.keys(variables).filter((name) => name.startsWith('CRON_PM2_'))).toEqual([]);
    }
  });

  it('hands cronPm2 to the api and the watcher as the CRON_PM2_* the API reads', () => {
    const cronPm2 = {
      user: 'flotas', home: '/home/flotas/.pm2',
      bin: '/home/flotas/.nvm/versions/node/v20.11.1/bin/pm2',
    };
    const variables = prefixed(synthTemplate({ ...config, cronPm2 }));

    for (const name of ['turno-api', 'turno-watcher']) {
      const pm2 = variables(name, 'CRON_PM2_');
      const started = loadApiConfig({
        AWS_REGION: config.region, CRON_INSTANCE_ID: config.cronInstanceId, ...pm2,
      });

      expect(pm2).toEqual({
        CRON_PM2_USER: cronPm2.user, CRON_PM2_HOME: cronPm2.home, CRON_PM2_BIN: cronPm2.bin,
      });
      expect(started.aws?.pm2)
        .toEqual({ user: cronPm2.user, home: cronPm2.home, pm2Bin: cronPm2.bin });
    }
    expect(variables('turno-authorizer', 'CRON_PM2_')).toEqual({});
  });

  it('hands syncError to the api and the watcher as the SYNC_ERROR_* the API reads', () => {
    const syncError = { table: 'up_data.SyncFailures', functionColumn: 'lambda_name' };
    const variables = prefixed(synthTemplate({ ...config, syncError }));

    for (const name of ['turno-api', 'turno-watcher']) {
      const names = variables(name, 'SYNC_ERROR_');
      const started = loadApiConfig({
        AWS_REGION: config.region, CRON_INSTANCE_ID: config.cronInstanceId, ...names,
      });

      expect(names).toEqual({
        SYNC_ERROR_TABLE: 'up_data.SyncFailures', SYNC_ERROR_FUNCTION_COLUMN: 'lambda_name',
      });
      expect(started.app.syncError).toMatchObject({
        table: 'up_data.SyncFailures', functionColumn: 'lambda_name', jsonColumn: 'json_data',
      });
    }
    expect(variables('turno-authorizer', 'SYNC_ERROR_')).toEqual({});
  });

  it('gives the watcher time for its last probe pass, every probe timing out', () => {
    const watcher = Object.values(template.findResources('AWS::Lambda::Function', {
      Properties: { FunctionName: 'turno-watcher' },
    }))[0];
    const timeoutMs = (watcher?.Properties.Timeout as number) * 1000;

    expect(timeoutMs).toBeGreaterThanOrEqual(longestInvocationMs(watcherCadence));
  });

  it('sets only variables the API, the authorizer, Node or the secrets extension read', () => {
    // The extension's settings, written by CDK from the layer's options (functions.ts).
    const extension = [
      'PARAMETERS_SECRETS_EXTENSION_CACHE_ENABLED', 'PARAMETERS_SECRETS_EXTENSION_CACHE_SIZE',
      'PARAMETERS_SECRETS_EXTENSION_HTTP_PORT', 'PARAMETERS_SECRETS_EXTENSION_LOG_LEVEL',
      'PARAMETERS_SECRETS_EXTENSION_MAX_CONNECTIONS', 'SECRETS_MANAGER_TIMEOUT_MILLIS',
      'SECRETS_MANAGER_TTL', 'SSM_PARAMETER_STORE_TIMEOUT_MILLIS', 'SSM_PARAMETER_STORE_TTL',
    ];
    const known = new Set([...Object.keys(envSchema.shape), 'NODE_EXTRA_CA_CERTS', ...extension]);
    for (const fn of Object.values(template.findResources('AWS::Lambda::Function'))) {
      const variables = (fn.Properties.Environment as { Variables: object }).Variables;

      expect(Object.keys(variables).filter((name) => !known.has(name))).toEqual([]);
    }
  });

  it('refuses to synthesise without a bundle and says to run `npm run bundle`', () => {
    const codeDir = stubBundles();
    rmSync(join(codeDir, 'watcher'), { recursive: true });

    try {
      expect(() => new TurnoStack(new App(), 'Turno', { config, codeDir }))
        .toThrow(/watcher: run `npm run bundle` first/);
    } finally {
      rmSync(codeDir, { recursive: true, force: true });
    }
  });
});
