import { describe, expect, it } from 'vitest';
import type { CronCommand, CronCommandKind } from './cron-host.ts';
import { createSandboxCloud, isSandboxCloud } from './sandbox.ts';
import { sandboxCommandMs } from './sandbox-cron-host.ts';

function setUp() {
  const clock = { now: new Date('2025-06-02T18:00:00Z') };
  const cloud = createSandboxCloud({ now: () => clock.now, random: () => 0.5 });
  async function run(kind: CronCommandKind): Promise<CronCommand | null> {
    const { commandId } = await cloud.cronHost.startCommand(kind);
    clock.now = new Date(clock.now.getTime() + sandboxCommandMs);
    return cloud.cronHost.getCommand(commandId);
  }
  return { cloud, run };
}

describe('sandbox drills', () => {
  it('fails an EC2 status check, stops an instance, and puts both back', async () => {
    const { cloud } = setUp();

    cloud.ec2.drills.setStatusChecks('flotas-application-develop', '2/3');
    cloud.ec2.drills.setState('flotas-cron-arc', 'stopped');
    const broken = await cloud.ec2.listInstances();
    cloud.ec2.drills.reset();

    expect(broken.map((i) => [i.name, i.state, i.statusChecks])).toEqual([
      ['flotas-application-develop', 'running', '2/3'],
      ['flotas-cron-arc', 'stopped', '—'],
    ]);
    const healthy = await cloud.ec2.listInstances();
    expect(healthy.map((i) => i.statusChecks)).toEqual(['3/3', '3/3']);
  });

  it('lists a stopped pm2 process as pm2 does: no memory, no uptime', async () => {
    const { cloud, run } = setUp();

    cloud.cronHost.drills.setProcessStatus('Linde-Locations', 'stopped');
    const command = await run('pm2-list');

    const output = command?.output;
    if (output?.kind !== 'pm2-list') throw new Error('no pm2 list');
    expect(output.processes.map((p) => [p.name, p.status, p.uptimeSeconds === null])).toEqual([
      ['Linde-Ocurrences', 'online', false],
      ['Linde-Locations', 'stopped', true],
      ['Linde-External', 'online', false],
    ]);
  });

  it('fills the cron disk to the use asked, and a flush empties the logs again', async () => {
    const { cloud, run } = setUp();

    cloud.cronHost.drills.fillDisk(90);
    const disk = await run('disk');
    const flush = await run('pm2-flush');

    expect(disk?.output).toMatchObject({ kind: 'disk', disk: { usePercent: 90 } });
    expect(flush?.output).toMatchObject({
      diskBefore: { usePercent: 90 }, diskAfter: { usePercent: 37 },
    });
  });

  it('is recognised as the sandbox, whose drills a deployment on AWS never has', () => {
    const { cloud } = setUp();

    expect(isSandboxCloud(cloud)).toBe(true);
    expect(isSandboxCloud({ ...cloud, kind: 'aws' } as never)).toBe(false);
  });
});
