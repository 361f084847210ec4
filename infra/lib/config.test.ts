import { describe, expect, it } from 'vitest';
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
