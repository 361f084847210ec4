import { CloudError } from './errors.ts';
import { createSandboxCronHost, type SandboxCronHost } from './sandbox-cron-host.ts';
import { createSandboxEc2, type SandboxEc2 } from './sandbox-ec2.ts';
import { createSandboxLogs, type SandboxLogs } from './sandbox-logs.ts';
import { createSandboxRds, type SandboxRds } from './sandbox-rds.ts';
import type { SandboxDatabaseSeed } from './sandbox-rds-inventory.ts';
import type { SandboxSnapshot } from './sandbox-snapshot.ts';
import { defaultRetryPolicy, defaultSandboxSchedules } from './sandbox-schedules.ts';
import type {
  Cloud, ScheduleDocument, ScheduleSummary, ScheduleUpdate, SchedulerPort,
} from './types.ts';

export interface SandboxCloudOptions {
  now?: () => Date;
  /** Drives the small drift of RDS metrics; pass a constant 0.5 for fixed numbers. */
  random?: () => number;
  /** Replaces the runbook's two RDS instances. */
  databases?: SandboxDatabaseSeed[];
  /** Replaces the runbook's schedules. */
  schedules?: ScheduleDocument[];
  /** What `snapshot()` returned before a restart: RDS, EC2, the cron host, logs, drills. */
  restore?: SandboxSnapshot;
}

/** The sandbox: each port also carries the drills that break it on purpose for training. */
export interface SandboxCloud extends Cloud {
  readonly kind: 'sandbox';
  readonly rds: SandboxRds;
  readonly ec2: SandboxEc2;
  readonly cronHost: SandboxCronHost;
  readonly logs: SandboxLogs;
  /** The infra drills last put into it ("name@since" list), kept by probes/infra/drill-sync. */
  readonly drillsApplied: { signature: string };
  /** Everything but the schedules, as a restart should find it again. */
  snapshot(): SandboxSnapshot;
  /** Stores the snapshot where a restart reads it; nothing for a sandbox kept in memory only. */
  persist(): Promise<void>;
}

/** True for the sandbox cloud, also once a wrapper replaced its scheduler (runtime.ts). */
export function isSandboxCloud(cloud: Cloud): cloud is SandboxCloud {
  return cloud.kind === 'sandbox' && 'drillsApplied' in cloud && 'drills' in cloud.rds
    && 'drills' in cloud.ec2 && 'drills' in cloud.cronHost;
}

/** AWS accepts a StartDate up to five minutes in the past and rejects anything older. */
const startDateGraceMs = 5 * 60_000;

/**
 * An in-process copy of the runbook's account that behaves like the real services: for demos
 * and on-call training while no AWS configuration is present.
 */
export function createSandboxCloud(options: SandboxCloudOptions = {}): SandboxCloud {
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const schedules = new Map<string, ScheduleDocument>();
  for (const schedule of options.schedules ?? defaultSandboxSchedules()) {
    schedules.set(key(schedule.GroupName, schedule.Name), structuredClone(schedule));
  }
  const clientTokens = new Set<string>();

  const scheduler: SchedulerPort = {
    async listSchedules(): Promise<ScheduleSummary[]> {
      return [...schedules.values()].map((s) => ({
        GroupName: s.GroupName,
        Name: s.Name,
        State: s.State,
        TargetArn: s.Target.Arn,
        ...(s.LastModificationDate ? { LastModificationDate: s.LastModificationDate } : {}),
      }));
    },

    async getSchedule(group, name) {
      const schedule = schedules.get(key(group, name));
      return schedule ? structuredClone(schedule) : null;
    },

    async updateSchedule(update: ScheduleUpdate): Promise<void> {
      const groupName = update.GroupName ?? 'default';
      const current = schedules.get(key(groupName, update.Name));
      if (!current) {
        const message = `Schedule ${update.Name} does not exist.`;
        throw new CloudError('ResourceNotFoundException', message);
      }
      if (update.ClientToken && clientTokens.has(update.ClientToken)) return;
      validate(update, now());
      const { ClientToken, ...fields } = structuredClone(update);
      // UpdateSchedule replaces the schedule: whatever the request leaves out is lost.
      const replaced: ScheduleDocument = {
        ...fields,
        GroupName: groupName,
        State: fields.State ?? 'ENABLED',
        Target: { ...fields.Target, RetryPolicy: fields.Target.RetryPolicy ?? defaultRetryPolicy },
        Arn: current.Arn,
        ...(current.CreationDate ? { CreationDate: current.CreationDate } : {}),
        LastModificationDate: now(),
      };
      schedules.set(key(groupName, update.Name), replaced);
      if (ClientToken) clientTokens.add(ClientToken);
    },
  };

  const { restore } = options;
  const rds = createSandboxRds({
    now, random, ...(options.databases ? { databases: options.databases } : {}),
    ...(restore ? { restore: restore.rds } : {}),
  });
  const ec2 = createSandboxEc2(undefined, restore?.ec2);
  const cronHost = createSandboxCronHost({
    now, ...(restore ? { restore: restore.cronHost } : {}),
  });
  const logs = createSandboxLogs({ now, ...(restore ? { restore: restore.logs } : {}) });
  const drillsApplied = { signature: restore?.drills ?? '' };
  return {
    kind: 'sandbox', scheduler, rds, ec2, cronHost, logs, drillsApplied,
    snapshot: () => ({
      rds: rds.snapshot(), ec2: ec2.snapshot(), cronHost: cronHost.snapshot(),
      logs: logs.snapshot(), drills: drillsApplied.signature,
    }),
    persist: async () => undefined,
  };
}

function key(group: string, name: string): string {
  return `${group}/${name}`;
}

function validate(update: ScheduleUpdate, at: Date): void {
  const missing = (['ScheduleExpression', 'FlexibleTimeWindow', 'Target'] as const)
    .filter((field) => update[field] === undefined);
  if (missing.length > 0) {
    throw new CloudError('ValidationException', `Missing required field: ${missing.join(', ')}`);
  }
  if (!update.Target.Arn || !update.Target.RoleArn) {
    throw new CloudError('ValidationException', 'Target requires Arn and RoleArn.');
  }
  if (update.StartDate && update.StartDate.getTime() < at.getTime() - startDateGraceMs) {
    throw new CloudError(
      'ValidationException',
      'The StartDate you specify cannot be earlier than 5 minutes ago.',
    );
  }
  if (update.StartDate && update.EndDate && update.EndDate <= update.StartDate) {
    throw new CloudError('ValidationException', 'The EndDate must be later than the StartDate.');
  }
}
