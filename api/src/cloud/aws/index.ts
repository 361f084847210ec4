import type { AwsConfig } from '../../config-aws.ts';
import type { Logger } from '../../types.ts';
import type { CronHostPort } from '../cron-host.ts';
import type { Ec2Port } from '../ec2.ts';
import type { LogsPort } from '../logs.ts';
import type { RdsPort } from '../rds.ts';
import type { Cloud, SchedulerPort } from '../types.ts';

/** Loads once, on first use; a failed load is tried again on the next call. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}

/**
 * The company's account through SDK v3, one client per service with the default credential
 * chain. Each service's adapter, which makes its client, is imported on the first call to its
 * port: loading them all would add hundreds of milliseconds to every cold start
 * (docs/benchmarks.md). Clients whose calls `withRetry` wraps take one attempt each: the SDK's
 * own three on top of Turno's would send a throttled call up to twelve times, and a lost write
 * twice.
 */
export function createAwsCloud(config: AwsConfig, log?: Logger): Cloud {
  const { region } = config;
  const retry = log ? { log } : {};
  const scheduler = once(async () =>
    (await import('./scheduler.ts')).openAwsScheduler({ region, maxAttempts: 1 }, retry));
  const rds = once(async () =>
    (await import('./rds.ts')).openAwsRds(region, { instanceIds: config.rdsInstanceIds, retry }));
  const ec2 = once(async () =>
    (await import('./ec2.ts')).openAwsEc2(region, config.ec2InstanceIds));
  const cronHost = once(async () => (await import('./ssm.ts')).openSsmCronHost(region, {
    instanceId: config.cronInstanceId, target: config.pm2, retry,
  }));
  const logs = once(async () =>
    (await import('./logs.ts')).openAwsLogs(region, config.logGroupName));

  const schedulerPort: SchedulerPort = {
    listSchedules: async () => (await scheduler()).listSchedules(),
    getSchedule: async (group, name) => (await scheduler()).getSchedule(group, name),
    updateSchedule: async (update, budget) => (await scheduler()).updateSchedule(update, budget),
    async exclusive(group, name, work) {
      const port = await scheduler();
      return port.exclusive ? port.exclusive(group, name, work) : work();
    },
  };
  const rdsPort: RdsPort = {
    listDatabases: async () => (await rds()).listDatabases(),
    getMetrics: async (databases) => (await rds()).getMetrics(databases),
    getMetricHistory: async (queries) => (await rds()).getMetricHistory(queries),
    modifyStorage: async (change) => (await rds()).modifyStorage(change),
    recentStorageChanges: async (ids, since) => (await rds()).recentStorageChanges(ids, since),
  };
  const ec2Port: Ec2Port = {
    listInstances: async () => (await ec2()).listInstances(),
  };
  const cronHostPort: CronHostPort = {
    instanceId: config.cronInstanceId,
    startCommand: async (kind, args) => (await cronHost()).startCommand(kind, args),
    getCommand: async (commandId) => (await cronHost()).getCommand(commandId),
  };
  const logsPort: LogsPort = {
    groupName: config.logGroupName,
    recentErrors: async (limit) => (await logs()).recentErrors(limit),
    getRetention: async () => (await logs()).getRetention(),
    setRetention: async (days) => (await logs()).setRetention(days),
  };
  return {
    kind: 'aws',
    scheduler: schedulerPort,
    rds: rdsPort,
    ec2: ec2Port,
    cronHost: cronHostPort,
    logs: logsPort,
  };
}
