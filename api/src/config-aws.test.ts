import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const region = { AWS_REGION: 'us-east-1' };
const cron = { CRON_INSTANCE_ID: 'i-0a1b2c3d4e5f60002' };

describe('loadConfig for AWS', () => {
  it('stays on the sandbox with no AWS settings, and with a region alone', () => {
    expect(loadConfig({}).aws).toBeUndefined();
    expect(loadConfig(region).aws).toBeUndefined();
    expect(loadConfig({ ...region, ...cron, TURNO_CLOUD: 'sandbox' }).aws).toBeUndefined();
  });

  it('turns to AWS when a region and the cron instance are given, with the runbook ids', () => {
    const config = loadConfig({ ...region, ...cron, EC2_APP_INSTANCE_ID: 'i-0a1b2c3d4e5f60001' });

    expect(config.aws).toEqual({
      region: 'us-east-1',
      rdsInstanceIds: ['flotas-develop', 'flotas-develop-replica'],
      ec2InstanceIds: ['i-0a1b2c3d4e5f60001', 'i-0a1b2c3d4e5f60002'],
      cronInstanceId: 'i-0a1b2c3d4e5f60002',
      logGroupName: 'aws/ec2/flotas-develop-cluster/task-definition/backend-task',
      pm2: { user: 'ssm-user', home: '/home/ssm-user/.pm2', pm2Bin: null },
    });
  });

  it('reads whose pm2 the cron scripts use, and which pm2', () => {
    const config = loadConfig({
      ...region, ...cron, CRON_PM2_USER: 'flotas', CRON_PM2_HOME: '/srv/flotas/.pm2',
      CRON_PM2_BIN: '/home/flotas/.nvm/versions/node/v20.11.1/bin/pm2',
    });

    expect(config.aws?.pm2).toEqual({
      user: 'flotas', home: '/srv/flotas/.pm2',
      pm2Bin: '/home/flotas/.nvm/versions/node/v20.11.1/bin/pm2',
    });
  });

  it.each([
    ['CRON_PM2_USER', "ssm-user'; reboot"],
    ['CRON_PM2_HOME', 'relative/.pm2'],
    ['CRON_PM2_BIN', '/usr/bin/pm2 flush'],
  ])('refuses a %s that could not be written into a script safely', (name, value) => {
    expect(() => loadConfig({ ...region, ...cron, [name]: value })).toThrow(new RegExp(name));
  });

  it('names what is missing when TURNO_CLOUD=aws cannot be reached', () => {
    expect(() => loadConfig({ TURNO_CLOUD: 'aws' })).toThrow(ConfigError);
    expect(() => loadConfig({ TURNO_CLOUD: 'aws' }))
      .toThrow(/AWS_REGION, CRON_INSTANCE_ID: required when TURNO_CLOUD=aws/);
    expect(() => loadConfig({ TURNO_CLOUD: 'aws', ...region })).toThrow(/CRON_INSTANCE_ID/);
  });

  it('builds the database URLs from host, port and name, the replica for Sync_error', () => {
    const config = loadConfig({
      AWS_LAMBDA_FUNCTION_NAME: 'turno-api', DATABASE_HOST: 'flotas-develop.abc.rds.amazonaws.com',
      DATABASE_PORT: '5433', DATABASE_NAME: 'up', UP_DATABASE_HOST: 'replica.abc.rds.amazonaws.com',
    });

    expect(config.databaseUrl)
      .toBe('postgres://flotas-develop.abc.rds.amazonaws.com:5433/up?sslmode=verify-full');
    expect(config.upDatabaseUrl)
      .toBe('postgres://replica.abc.rds.amazonaws.com:5433/up?sslmode=verify-full');
    expect(config.app.databaseMode).toBe('server');
  });

  it('still requires a database on Lambda', () => {
    expect(() => loadConfig({ AWS_LAMBDA_FUNCTION_NAME: 'turno-api', DATABASE_HOST: 'db' }))
      .toThrow(/DATABASE_URL \(or DATABASE_HOST and DATABASE_NAME\): required on AWS Lambda/);
  });

  it('reads the secret ARNs, the replica falling back to the primary login', () => {
    const arn = (name: string) => `arn:aws:secretsmanager:us-east-1:111122223333:secret:${name}`;
    const config = loadConfig({
      DATABASE_SECRET_ARN: arn('turno/database'), VAPID_SECRET_ARN: arn('turno/vapid'),
    });

    expect(config.secrets).toEqual({
      database: arn('turno/database'), upDatabase: arn('turno/database'),
      vapid: arn('turno/vapid'), ultraMsg: undefined, gmail: undefined,
    });
    expect(() => loadConfig({ VAPID_SECRET_ARN: 'turno/vapid' })).toThrow(/VAPID_SECRET_ARN/);
  });
});
