import type { RetryBudget } from './backoff.ts';
import type { CronHostPort } from './cron-host.ts';
import type { Ec2Port } from './ec2.ts';
import type { LogsPort } from './logs.ts';
import type { RdsPort } from './rds.ts';

/**
 * The cloud as Turno sees it. The sandbox implements it in-process from the runbook's
 * inventory; the AWS adapters (issue 3) implement it with SDK v3. Shapes follow AWS's own
 * (EventBridge Scheduler GetSchedule / UpdateSchedule, RDS DescribeDBInstances) so the
 * safe-update logic above them is the same for both.
 */
export type ScheduleState = 'ENABLED' | 'DISABLED';

/** A schedule as GetSchedule returns it (the fields UpdateSchedule accepts, plus metadata). */
export interface ScheduleDocument {
  Arn: string;
  GroupName: string;
  Name: string;
  State: ScheduleState;
  Description?: string;
  ScheduleExpression: string;
  ScheduleExpressionTimezone?: string;
  StartDate?: Date;
  EndDate?: Date;
  FlexibleTimeWindow: { Mode: 'OFF' | 'FLEXIBLE'; MaximumWindowInMinutes?: number };
  Target: {
    Arn: string;
    RoleArn: string;
    Input?: string;
    RetryPolicy?: { MaximumEventAgeInSeconds?: number; MaximumRetryAttempts?: number };
    DeadLetterConfig?: { Arn?: string };
  };
  KmsKeyArn?: string;
  ActionAfterCompletion?: 'NONE' | 'DELETE';
  CreationDate?: Date;
  LastModificationDate?: Date;
}

export interface ScheduleSummary {
  GroupName: string;
  Name: string;
  State: ScheduleState;
  TargetArn: string;
  LastModificationDate?: Date;
}

/** The UpdateSchedule input: every writable field, no metadata. */
export type ScheduleUpdate =
  & Omit<ScheduleDocument, 'Arn' | 'CreationDate' | 'LastModificationDate'>
  & { ClientToken?: string };

/** EventBridge Scheduler, in the shapes of GetSchedule, ListSchedules and UpdateSchedule. */
export interface SchedulerPort {
  listSchedules(): Promise<ScheduleSummary[]>;
  getSchedule(group: string, name: string): Promise<ScheduleDocument | null>;
  /** `budget`: the action's retries, which a retried send spends (issue 3: three in all). */
  updateSchedule(update: ScheduleUpdate, budget?: RetryBudget): Promise<void>;
  /**
   * Runs `work` with no other `exclusive` work on the same schedule in between (in this
   * process), so two changes never interleave their read, write and re-read. Not reentrant.
   */
  exclusive?<T>(group: string, name: string, work: () => Promise<T>): Promise<T>;
}

/** The cloud: one port per service, each implemented by the sandbox and by the AWS adapters. */
export interface Cloud {
  readonly kind: 'sandbox' | 'aws';
  readonly scheduler: SchedulerPort;
  readonly rds: RdsPort;
  readonly ec2: Ec2Port;
  readonly cronHost: CronHostPort;
  readonly logs: LogsPort;
}
