import type { Ec2Instance } from './ec2.ts';
import type { SandboxCronHostSnapshot } from './sandbox-cron-host.ts';
import type { SandboxRdsSnapshot } from './sandbox-rds.ts';

/**
 * Everything an action or a drill changes in the sandbox beyond its schedules: what a restart
 * must bring back for Infra, the alerts and the audit to keep telling the same story.
 */
export interface SandboxSnapshot {
  rds: SandboxRdsSnapshot;
  ec2: Ec2Instance[];
  cronHost: SandboxCronHostSnapshot;
  logs: { retentionDays: number | null };
  /** The infra drills last put into this sandbox, so a restart does not play them again. */
  drills: string;
}

const dateTag = '$date';

/** JSON for a snapshot, its Dates tagged so `reviveDates` can bring them back as Dates. */
export function encodeSnapshot(value: unknown): string {
  return JSON.stringify(value, function tagDates(this: Record<string, unknown>, key, plain) {
    const raw = this[key];
    return raw instanceof Date ? { [dateTag]: raw.toISOString() } : plain as unknown;
  });
}

/** A parsed snapshot (jsonb comes back parsed), with every tagged Date a Date again. */
export function reviveDates(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reviveDates);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const tagged = record[dateTag];
  if (typeof tagged === 'string' && Object.keys(record).length === 1) return new Date(tagged);
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, reviveDates(v)]));
}
