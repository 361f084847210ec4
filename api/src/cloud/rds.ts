/**
 * RDS as Turno reads and changes it: the runbook's primary and replica (runbook §1, 4.1).
 * Fields follow DescribeDBInstances; metrics come apart, from one CloudWatch GetMetricData.
 */
export type DatabaseRole = 'primary' | 'replica';

/** What RDS will apply next (DescribeDBInstances PendingModifiedValues), storage fields only. */
export interface PendingStorageChanges {
  allocatedStorageGiB?: number;
  iops?: number;
  storageType?: string;
  instanceClass?: string;
}

export interface DatabaseInstance {
  id: string;
  role: DatabaseRole;
  /** The primary a replica copies (ReadReplicaSourceDBInstanceIdentifier), else null. */
  replicaOf: string | null;
  /** DBInstanceStatus: available, modifying, storage-optimization, storage-full … */
  status: string;
  instanceClass: string;
  engine: string;
  zone: string | null;
  allocatedStorageGiB: number;
  /** Storage autoscaling's ceiling; null when autoscaling is off. */
  maxAllocatedStorageGiB: number | null;
  storageType: string;
  iops: number | null;
  pendingModifiedValues: PendingStorageChanges;
}

/** The latest datapoint of each metric (5-minute period); null when CloudWatch has none. */
export interface DatabaseMetrics {
  id: string;
  cpuPercent: number | null;
  freeStorageBytes: number | null;
  connections: number | null;
  /** Seconds; read for replicas only. */
  replicaLagSeconds: number | null;
}

/** Metrics Turno reads as a series, to tell a spike from a sustained load or a trend. */
export type HistoryMetric = 'cpuPercent' | 'freeStorageBytes';

export interface MetricHistoryQuery {
  id: string;
  metric: HistoryMetric;
  /** Seconds per datapoint, a multiple of 60: RDS publishes its metrics every minute. */
  periodSeconds: number;
  since: Date;
}

/** One period's average; `at` is the period's start, as CloudWatch stamps it. */
export interface MetricPoint {
  at: Date;
  value: number;
}

/** The ModifyDBInstance Turno sends: storage only, always applied immediately. */
export interface StorageModification {
  id: string;
  allocatedStorageGiB: number;
  maxAllocatedStorageGiB?: number;
  iops?: number;
}

export interface RdsPort {
  /** The configured instances, in the configured order. */
  listDatabases(): Promise<DatabaseInstance[]>;
  /** One CloudWatch request for every metric of the given instances. */
  getMetrics(databases: ReadonlyArray<Pick<DatabaseInstance, 'id' | 'role'>>):
    Promise<DatabaseMetrics[]>;
  /** Each query's datapoints from `since` until now, oldest first; one CloudWatch request. */
  getMetricHistory(queries: readonly MetricHistoryQuery[]): Promise<MetricPoint[][]>;
  modifyStorage(change: StorageModification): Promise<void>;
  /**
   * When RDS last began or finished a change to each instance's allocated storage at or after
   * `since`, whoever made it (Turno, the console, storage autoscaling); others are left out.
   */
  recentStorageChanges(ids: readonly string[], since: Date): Promise<Map<string, Date>>;
}

/**
 * gp3 on RDS for PostgreSQL: below 400 GiB IOPS are a fixed 3,000 baseline and cannot be set;
 * from 400 GiB the baseline is 12,000 and IOPS are provisioned, so a storage change must send
 * them (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Storage.html#gp3-storage).
 */
export const gp3 = { provisionedFromGiB: 400, baselineIops: 12_000 } as const;

/** io1/io2 IOPS must stay 0.5–50 × the storage (ModifyDBInstance, Iops constraints). */
export const provisionedIopsMinPerGiB = 0.5;
