import { describe, expect, it } from 'vitest';
import type { Ec2Instance, Ec2Port } from '../ec2.ts';
import { sandboxEc2Instances } from '../sandbox-ec2.ts';

export type MakeEc2Port = (instances: Ec2Instance[]) => Ec2Port;

/** The runbook's two instances, the cron host changed by `cron`. */
function instances(cron: Partial<Ec2Instance> = {}): Ec2Instance[] {
  const [app, host] = sandboxEc2Instances();
  if (!app || !host) throw new Error('the sandbox has two instances');
  return [app, { ...host, ...cron }];
}

/**
 * What the EC2 card relies on, run against every implementation of Ec2Port (the sandbox and
 * the AWS adapter) so they cannot drift apart.
 */
export function describeEc2Contract(label: string, makePort: MakeEc2Port): void {
  describe(`Ec2Port contract: ${label}`, () => {
    it('lists both instances in the configured order with state, type, zone and checks',
      async () => {
        const port = makePort(instances());

        expect(await port.listInstances()).toEqual([
          {
            id: 'i-0a1b2c3d4e5f60001', name: 'flotas-application-develop', type: 'c5.xlarge',
            zone: 'us-east-1a', state: 'running', statusChecks: '3/3',
          },
          {
            id: 'i-0a1b2c3d4e5f60002', name: 'flotas-cron-arc', type: 't3a.small',
            zone: 'us-east-1b', state: 'running', statusChecks: '3/3',
          },
        ]);
      });

    it('shows a stopped instance with no checks run', async () => {
      const port = makePort(instances({ state: 'stopped', statusChecks: '—' }));

      const [, cron] = await port.listInstances();

      expect(cron).toMatchObject({ state: 'stopped', statusChecks: '—' });
    });

    it.each(['2/3', '0/3', '2/2', '1/2', 'initializing', 'insufficient-data'])(
      'shows status checks of %s as the console counts them', async (shown) => {
        const port = makePort(instances({ statusChecks: shown }));

        const [app, cron] = await port.listInstances();

        expect(cron?.statusChecks).toBe(shown);
        expect(app?.statusChecks).toBe('3/3');
      });

    it('names an instance without a Name tag by its id', async () => {
      const port = makePort(instances({ name: 'i-0a1b2c3d4e5f60002' }));

      const [, cron] = await port.listInstances();

      expect(cron?.name).toBe('i-0a1b2c3d4e5f60002');
    });
  });
}
