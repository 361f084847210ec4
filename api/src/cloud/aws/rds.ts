import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import {
  DescribeDBInstancesCommand, ModifyDBInstanceCommand, RDSClient, type DBInstance,
} from '@aws-sdk/client-rds';
import type {
  DatabaseInstance, PendingStorageChanges, RdsPort, StorageModification,
} from '../rds.ts';
import { readMetricHistory } from './metric-history.ts';
import { readDatabaseMetrics } from './metrics.ts';
import { readStorageChanges } from './rds-events.ts';
import { withRetry, type RetryOptions } from './retry.ts';

export interface AwsRdsOptions {
  /** Built with `maxAttempts: 1`: its calls are retried here, ModifyDBInstance never twice. */
  rds: RDSClient;
  cloudwatch: CloudWatchClient;
  /** The instances Turno watches and may grow: the runbook's primary and replica. */
  instanceIds: string[];
  now?: () => Date;
  /** Waits and jitter of the retries; tests pass a sleep that resolves at once. */
  retry?: Pick<RetryOptions, 'sleep' | 'random' | 'log'>;
}

/**
 * The port over new RDS and CloudWatch clients in `region`, made here so a bundle keeps only
 * the commands this module sends. RDS takes one attempt a call: its calls are retried here.
 */
export function openAwsRds(
  region: string, options: Omit<AwsRdsOptions, 'rds' | 'cloudwatch'>,
): RdsPort {
  return createAwsRds({
    ...options,
    rds: new RDSClient({ region, maxAttempts: 1 }),
    cloudwatch: new CloudWatchClient({ region }),
  });
}

/** RDS and its CloudWatch metrics through SDK v3, limited to the configured instances. */
export function createAwsRds(options: AwsRdsOptions): RdsPort {
  const { rds, cloudwatch, instanceIds } = options;
  const now = options.now ?? (() => new Date());
  const retry: RetryOptions = options.retry ?? {};

  return {
    async listDatabases() {
      // One call per identifier: IAM can scope DescribeDBInstances to an instance's ARN only
      // when the request names it (a Filters request needs Resource "*").
      const found = await Promise.all(instanceIds.map(async (id) => {
        try {
          const input = { DBInstanceIdentifier: id };
          const page = await withRetry(`DescribeDBInstances ${id}`,
            () => rds.send(new DescribeDBInstancesCommand(input)), retry);
          return page.DBInstances ?? [];
        } catch (error) {
          if ((error as Error).name === 'DBInstanceNotFoundFault') return [];
          throw error;
        }
      }));
      return found.flat().map(toDatabase);
    },

    getMetrics: (databases) => readDatabaseMetrics(cloudwatch, databases, now()),

    getMetricHistory: (queries) => readMetricHistory(cloudwatch, queries, now()),

    async modifyStorage(change: StorageModification) {
      const input = {
        DBInstanceIdentifier: change.id,
        AllocatedStorage: change.allocatedStorageGiB,
        ...(change.maxAllocatedStorageGiB === undefined
          ? {} : { MaxAllocatedStorage: change.maxAllocatedStorageGiB }),
        ...(change.iops === undefined ? {} : { Iops: change.iops }),
        ApplyImmediately: true,
      };
      // A second send after a lost answer would meet the first change and be refused for it.
      await withRetry(`ModifyDBInstance ${change.id}`,
        () => rds.send(new ModifyDBInstanceCommand(input)), { ...retry, idempotent: false });
    },

    recentStorageChanges: (ids, since) => readStorageChanges(rds, ids, since, now(), retry),
  };
}

function toDatabase(db: DBInstance): DatabaseInstance {
  const source = db.ReadReplicaSourceDBInstanceIdentifier;
  return {
    id: db.DBInstanceIdentifier ?? '',
    role: source ? 'replica' : 'primary',
    replicaOf: source ?? null,
    status: db.DBInstanceStatus ?? 'unknown',
    instanceClass: db.DBInstanceClass ?? '',
    engine: db.Engine ?? '',
    zone: db.AvailabilityZone ?? null,
    allocatedStorageGiB: db.AllocatedStorage ?? 0,
    maxAllocatedStorageGiB: db.MaxAllocatedStorage ?? null,
    storageType: db.StorageType ?? 'gp2',
    iops: db.Iops ?? null,
    pendingModifiedValues: pending(db),
  };
}

function pending(db: DBInstance): PendingStorageChanges {
  const values = db.PendingModifiedValues ?? {};
  return {
    ...(values.AllocatedStorage === undefined
      ? {} : { allocatedStorageGiB: values.AllocatedStorage }),
    ...(values.Iops === undefined ? {} : { iops: values.Iops }),
    ...(values.StorageType === undefined ? {} : { storageType: values.StorageType }),
    ...(values.DBInstanceClass === undefined ? {} : { instanceClass: values.DBInstanceClass }),
  };
}
