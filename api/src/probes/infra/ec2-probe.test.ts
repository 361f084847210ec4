import { afterEach, describe, expect, it } from 'vitest';
import { ec2Probe, failedChecks } from './ec2-probe.ts';
import { setUpInfra, type InfraTest } from './test-setup.ts';

const minute = 60_000;
let test: InfraTest | undefined;

afterEach(async () => {
  await test?.deps.close();
  test = undefined;
});

async function setUp() {
  test = await setUpInfra((config) => [ec2Probe(config.ec2)]);
  return test;
}

describe('ec2 probe', () => {
  it('opens card T.8 for an instance whose status check fails, and resolves it once it passes',
    async () => {
      const t = await setUp();
      t.cloud.ec2.drills.setStatusChecks('flotas-application-develop', '2/3');

      const { opened } = await t.run();

      const [alert] = await t.alerts();
      expect(alert).toMatchObject({
        key: 'ec2-status-failed:i-0a1b2c3d4e5f60001', category: 'ec2-status-failed',
        card: 'T.8', severity: 'high',
        resources: ['flotas-application-develop', 'i-0a1b2c3d4e5f60001'],
        detail: {
          instance: 'flotas-application-develop', state: 'running', statusChecks: '2/3',
          failedChecks: 1,
        },
      });
      expect((await t.lastRun('ec2'))?.summary).toEqual({
        instances: 2, running: 2, checksPassing: 1,
      });

      t.cloud.ec2.drills.reset();
      t.advance(5 * minute);
      expect((await t.run()).resolved).toEqual(opened);
    });

  it('opens one for a stopped instance, which has no checks to fail', async () => {
    const t = await setUp();
    t.cloud.ec2.drills.setState('flotas-cron-arc', 'stopped');

    await t.run();

    const [alert] = await t.alerts();
    expect(alert?.detail).toMatchObject({ instance: 'flotas-cron-arc', state: 'stopped' });
  });

  it('leaves an instance alone while it starts or its checks initialize', async () => {
    const t = await setUp();
    t.cloud.ec2.drills.setState('flotas-cron-arc', 'pending');
    t.cloud.ec2.drills.setStatusChecks('flotas-application-develop', 'initializing');

    expect((await t.run()).opened).toEqual([]);
  });

  it('opens nothing while a check has too little data to pass or fail', async () => {
    const t = await setUp();
    t.cloud.ec2.drills.setStatusChecks('flotas-application-develop', 'insufficient-data');

    expect((await t.run()).opened).toEqual([]);
    expect((await t.lastRun('ec2'))?.outcome).toBe('ok');
  });

  it('waits five minutes between looks', async () => {
    const t = await setUp();
    await t.run();
    t.cloud.ec2.drills.setStatusChecks('flotas-cron-arc', '0/3');

    t.advance(4 * minute);
    expect((await t.run()).ran).toEqual([]);
    t.advance(minute);
    expect((await t.run()).opened).toHaveLength(1);
  });
});

describe('failedChecks', () => {
  it.each([
    ['3/3', 0], ['2/3', 1], ['0/3', 3], ['2/2', 0], ['1/2', 1], ['initializing', 0],
    ['insufficient-data', 0], ['—', 0],
  ])(
    'counts %s as %i failed',
    (checks, failed) => {
      expect(failedChecks(checks)).toBe(failed);
    },
  );
});
