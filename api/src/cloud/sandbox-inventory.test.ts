import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { sandboxEc2Instances } from './sandbox-ec2.ts';
import {
  sandboxAccount, sandboxPm2Processes, sandboxScheduleCreated, sandboxSchedules,
} from './sandbox-inventory.ts';
import { sandboxDatabaseSeeds } from './sandbox-rds-inventory.ts';
import { defaultSandboxSchedules } from './sandbox-schedules.ts';

/** The parts of docs/runbook/inventory.json the sandbox copies. */
interface Inventory {
  region: string;
  accountId: string;
  timezone: string;
  databases: Array<{
    id: string; role: string; replicaOf?: string; engine: string; class: string; az: string;
    status: string; cpuPercent: number; connections: number;
  }>;
  schedules: {
    group: string;
    shown: Array<{
      name: string; target: string; state: string; modified: string; description?: string;
      timezone?: string; created?: string;
    }>;
    targetArnPattern: string;
    scheduleArnPattern: string;
  };
  instances: Array<{
    name: string; id: string; type: string; az: string; state: string;
    pm2?: { processes: Array<{ id: number; name: string; status: string; memoryMb: number }> };
  }>;
}

const inventoryUrl = new URL('../../../docs/runbook/inventory.json', import.meta.url);
const inventory = JSON.parse(await readFile(inventoryUrl, 'utf8')) as Inventory;

describe('the sandbox cloud against the runbook\'s inventory', () => {
  it('sits in the inventory\'s account, region and time zone', () => {
    expect(sandboxAccount).toEqual({
      region: inventory.region, accountId: inventory.accountId, timezone: inventory.timezone,
    });
  });

  it('holds the schedules the runbook shows, in its order, with their targets and states', () => {
    const shown = inventory.schedules.shown.map(
      ({ name, target, state, modified, description }) =>
        ({ name, target, state, modified, ...(description ? { description } : {}) }),
    );

    expect(sandboxSchedules.map(({ name, target, state, modified, description }) =>
      ({ name, target, state, modified, ...(description ? { description } : {}) })))
      .toEqual(shown);
  });

  it('creates the schedules when the runbook says, in its time zone and group', () => {
    const dated = inventory.schedules.shown.filter((schedule) => schedule.created);

    expect(dated.map((schedule) => schedule.created)).toEqual([sandboxScheduleCreated]);
    expect(dated.map((schedule) => schedule.timezone)).toEqual([sandboxAccount.timezone]);
    expect(new Set(defaultSandboxSchedules().map((schedule) => schedule.GroupName)))
      .toEqual(new Set([inventory.schedules.group]));
  });

  it('builds schedule and target ARNs as the inventory\'s patterns do', () => {
    const { scheduleArnPattern, targetArnPattern } = inventory.schedules;

    expect(defaultSandboxSchedules().map((schedule) => [schedule.Arn, schedule.Target.Arn]))
      .toEqual(sandboxSchedules.map((seed) => [
        scheduleArnPattern.replace('<name>', seed.name),
        targetArnPattern.replace('<target>', seed.target),
      ]));
  });

  it('runs the pm2 processes the runbook lists on flotas-cron-arc', () => {
    const cron = inventory.instances.find((instance) => instance.name === 'flotas-cron-arc');

    expect(sandboxPm2Processes).toEqual(cron?.pm2?.processes);
  });

  it('holds the two RDS instances with their class, zone, status, CPU and connections', () => {
    const seeds = sandboxDatabaseSeeds().map(({ instance, cpuPercent, connections }) => ({
      id: instance.id, role: instance.role, replicaOf: instance.replicaOf,
      engine: instance.engine, class: instance.instanceClass, az: instance.zone,
      status: instance.status, cpuPercent, connections,
    }));

    expect(seeds).toEqual(inventory.databases.map((database) =>
      ({ ...database, replicaOf: database.replicaOf ?? null })));
  });

  it('holds the two EC2 instances with their ids, types, zones and states', () => {
    // Status checks differ on purpose: the runbook's "2/2" predates the EBS check (3/3).
    const instances = sandboxEc2Instances().map(({ id, name, type, zone, state }) =>
      ({ id, name, type, az: zone, state }));

    expect(instances).toEqual(inventory.instances.map(({ id, name, type, az, state }) =>
      ({ id, name, type, az, state })));
  });
});
