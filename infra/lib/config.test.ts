import { describe, expect, it } from 'vitest';
import { loadConfig as loadApiConfig } from '../../api/src/config.ts';
import { parseConfig, placeholderFields } from './config.ts';
import { shippedConfig } from './test-stack.ts';

describe('the infra configuration', () => {
  it('accepts the shipped file and lists every placeholder still in it', () => {
    const fields = placeholderFields(shippedConfig());

    expect(fields).toEqual(expect.arrayContaining([
      'account', 'network.vpcId', 'network.privateSubnetIds.0', 'network.securityGroupIds.0',
      'cognitoDomainPrefix', 'scheduleRoleArns.0', 'database.host', 'cronInstanceId',
      'watchdog.emails.0',
    ]));
    expect(fields).not.toContain('region');
    expect(fields).not.toContain('managedSchedules.0');
  });

  it('lists no placeholder once real values are in', () => {
    const config = {
      ...shippedConfig(),
      account: '444455556666',
      network: {
        vpcId: 'vpc-0f1e2d3c4b5a69788', availabilityZones: ['us-east-1a'],
        privateSubnetIds: ['subnet-0f1e2d3c4b5a69788'], securityGroupIds: ['sg-0f1e2d3c4b5a6978'],
      },
      cognitoDomainPrefix: 'turno-flotas',
      scheduleRoleArns: ['arn:aws:iam::444455556666:role/scheduler-lambda'],
      database: {
        host: 'flotas-develop.abc.us-east-1.rds.amazonaws.com',
        replicaHost: 'flotas-develop-replica.abc.us-east-1.rds.amazonaws.com',
        port: 5432, name: 'flotas', user: 'turno',
      },
      cronInstanceId: 'i-0f1e2d3c4b5a69788',
      appInstanceId: 'i-0f1e2d3c4b5a69789',
      watchdog: { emails: ['guardia@flotas.mx'], sms: ['+525512345678'] },
    };

    expect(placeholderFields(parseConfig(config))).toEqual([]);
  });

  it.each([
    ['no watchdog at all', undefined],
    ['emails only', { emails: ['guardia@flotas.mx'] }],
    ['SMS only, in E.164', { sms: ['+525512345678', '+14155550100'] }],
    ['empty lists', { emails: [], sms: [] }],
  ])('accepts a watchdog with %s', (_case, watchdog) => {
    expect(parseConfig({ ...shippedConfig(), watchdog }).watchdog).toEqual(watchdog);
  });

  it.each([
    ['an address without a domain', { emails: ['guardia'] }],
    ['a number without its country code', { sms: ['5512345678'] }],
    ['a number with spaces', { sms: ['+52 55 1234 5678'] }],
    ['a single address instead of a list', { emails: 'guardia@flotas.mx' }],
    ['a list instead of an object', ['guardia@flotas.mx']],
  ])('refuses a watchdog with %s', (_case, watchdog) => {
    expect(() => parseConfig({ ...shippedConfig(), watchdog }))
      .toThrow(/watchdog must be \{emails: \[address, …\], sms: \[\+52…, …\]\}/);
  });

  it.each([
    ['no syncError at all', undefined],
    ['the function column UP really has', { functionColumn: 'lambda_name' }],
    ['a table in its own schema', { table: 'up_data.sync_errors', jsonColumn: 'payload' }],
  ])('accepts %s', (_case, syncError) => {
    expect(parseConfig({ ...shippedConfig(), syncError }).syncError).toEqual(syncError);
  });

  it.each([
    ['a quoted name', { table: '"Sync_error"' }],
    ['SQL in a column', { functionColumn: 'name; DROP TABLE x' }],
    ['an empty name', { idColumn: '' }],
    ['a field the API has no setting for', { functionName: 'lambda_name' }],
    ['a table name instead of an object', 'Sync_error'],
  ])('refuses a syncError with %s', (_case, syncError) => {
    expect(() => parseConfig({ ...shippedConfig(), syncError }))
      .toThrow(/syncError must be \{table, idColumn, .*plain SQL identifier/);
  });

  it.each([
    ['no cronPm2 at all', undefined],
    ['pm2 under nvm', { bin: '/home/ssm-user/.nvm/versions/node/v20.11.1/bin/pm2' }],
    ['another user and home', { user: 'flotas', home: '/srv/flotas/.pm2' }],
  ])('accepts %s', (_case, cronPm2) => {
    expect(parseConfig({ ...shippedConfig(), cronPm2 }).cronPm2).toEqual(cronPm2);
  });

  it.each([
    ['a user that could end the quotes', { user: "ssm-user'; reboot" }],
    ['a relative home', { home: 'relative/.pm2' }],
    ['a binary with an argument', { bin: '/usr/bin/pm2 flush' }],
    ['an empty binary', { bin: '' }],
    ['a field the API has no setting for', { pm2Bin: '/usr/bin/pm2' }],
    ['a path instead of an object', '/usr/bin/pm2'],
  ])('refuses a cronPm2 with %s', (_case, cronPm2) => {
    expect(() => parseConfig({ ...shippedConfig(), cronPm2 }))
      .toThrow(/cronPm2 must be \{user: a Unix user name, home: an absolute path, bin: /);
  });

  it.each([
    ['user', 'CRON_PM2_USER', ['flotas', 'ssm_user2', 'Flotas', '2fast', "a'b", 'a b']],
    ['home', 'CRON_PM2_HOME', ['/srv/.pm2', 'srv/.pm2', '/srv/$HOME', '/a b', '/ñ']],
    ['bin', 'CRON_PM2_BIN', ['/usr/bin/pm2', '/usr/bin/pm2;', '/usr/bin/`pm2`', '~/pm2']],
  ])('accepts a cronPm2.%s exactly when the API accepts it as %s', (field, name, values) => {
    const passes = (check: () => unknown) => {
      try {
        check();
        return true;
      } catch {
        return false;
      }
    };
    const deploys = (value: string) =>
      passes(() => parseConfig({ ...shippedConfig(), cronPm2: { [field]: value } }));
    const starts = (value: string) => passes(() => loadApiConfig({
      AWS_REGION: 'us-east-1', CRON_INSTANCE_ID: 'i-0a1b2c3d4e5f60002', [name]: value,
    }));

    expect(values.map(deploys)).toEqual(values.map(starts));
    expect(values.map(deploys)).toContain(true);
    expect(values.map(deploys)).toContain(false);
  });

  it('names every wrong field at once', () => {
    const config = {
      ...shippedConfig(),
      account: '1234',
      managedSchedules: ['linde-mix-get-positions'],
      cognitoDomainPrefix: 'Turno_Flotas',
    };

    expect(() => parseConfig(config)).toThrow(
      /account must be twelve digits; cognitoDomainPrefix must be .*; managedSchedules must/);
  });

  it('refuses a file that is not an object', () => {
    expect(() => parseConfig(null)).toThrow(/account must be twelve digits/);
  });
});
