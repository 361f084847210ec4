import type { ScheduleSummary, SchedulerPort } from '../../cloud/types.ts';

interface KnownEnd {
  /** The LastModificationDate the end was read at: any update bumps it. */
  modifiedAt: number;
  /** Null when the schedule has no end date. */
  endsAt: number | null;
}

const readsAtOnce = 5;

// Per scheduler, so each container, and each test's cloud, keeps its own reads.
const knownEnds = new WeakMap<SchedulerPort, Map<string, KnownEnd>>();

/**
 * The listed schedules that may still fire: ListSchedules carries no EndDate, so each is read
 * with GetSchedule, only once per version of the schedule (an EndDate changes only through an
 * update, which moves LastModificationDate). A schedule gone meanwhile is left out.
 */
export async function stillFiring(
  scheduler: SchedulerPort, summaries: readonly ScheduleSummary[], now: Date,
): Promise<ScheduleSummary[]> {
  const known = knownEnds.get(scheduler) ?? new Map<string, KnownEnd>();
  knownEnds.set(scheduler, known);
  const firing: ScheduleSummary[] = [];
  for (let start = 0; start < summaries.length; start += readsAtOnce) {
    const batch = summaries.slice(start, start + readsAtOnce);
    const ends = await Promise.all(batch.map((summary) => endOf(scheduler, known, summary)));
    batch.forEach((summary, index) => {
      const end = ends[index];
      if (end !== undefined && (end === null || end > now.getTime())) firing.push(summary);
    });
  }
  return firing;
}

/** The schedule's end in ms, null for none, undefined when it no longer exists. */
async function endOf(
  scheduler: SchedulerPort, known: Map<string, KnownEnd>, summary: ScheduleSummary,
): Promise<number | null | undefined> {
  const key = `${summary.GroupName}/${summary.Name}`;
  const modifiedAt = summary.LastModificationDate?.getTime();
  const cached = known.get(key);
  if (cached && modifiedAt !== undefined && cached.modifiedAt === modifiedAt) return cached.endsAt;
  const document = await scheduler.getSchedule(summary.GroupName, summary.Name);
  if (!document) {
    known.delete(key);
    return undefined;
  }
  const endsAt = document.EndDate?.getTime() ?? null;
  const version = document.LastModificationDate?.getTime() ?? modifiedAt;
  if (version !== undefined) known.set(key, { modifiedAt: version, endsAt });
  return endsAt;
}
