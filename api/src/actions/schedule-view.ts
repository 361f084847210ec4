import type { Schedule } from '@turno/shared';
import { functionFromTargetArn } from '../cloud/lambda-arn.ts';
import type { ScheduleDocument, ScheduleSummary, SchedulerPort } from '../cloud/types.ts';
import { compareNames } from './name-order.ts';

const readsAtOnce = 5;

/** A schedule as the API shows it; its function comes from the target ARN, not its name. */
export function toScheduleView(
  schedule: ScheduleDocument, managed: readonly string[], now: Date,
): Schedule {
  return {
    group: schedule.GroupName,
    name: schedule.Name,
    state: schedule.State,
    function: functionFromTargetArn(schedule.Target.Arn),
    targetArn: schedule.Target.Arn,
    managed: isManaged(managed, schedule.GroupName, schedule.Name),
    description: schedule.Description ?? null,
    lastModified: schedule.LastModificationDate?.toISOString() ?? null,
    endDate: schedule.EndDate?.toISOString() ?? null,
    firesNever: firesNever(schedule, now),
  };
}

/** Past its EndDate a schedule stays ENABLED in AWS but never invokes its target again. */
export function firesNever(schedule: ScheduleDocument, now: Date): boolean {
  return schedule.EndDate !== undefined && schedule.EndDate.getTime() <= now.getTime();
}

export function isManaged(managed: readonly string[], group: string, name: string): boolean {
  return managed.includes(`${group}/${name}`);
}

/**
 * Every schedule: the managed ones in full (ListSchedules carries no description nor end date,
 * so each is read with GetSchedule, a few at a time for the API's rate limit); the others from
 * the list alone, since Turno's role may read only the schedules it manages: their end date,
 * and so whether they still fire, is unknown (`firesNever: null`).
 */
export async function listScheduleViews(
  scheduler: SchedulerPort, managed: readonly string[], now: Date = new Date(),
): Promise<Schedule[]> {
  return viewsOf(scheduler, await scheduler.listSchedules(), managed, now);
}

/**
 * The paused schedules as `listScheduleViews` shows them, for Estado: only those ListSchedules
 * lists as DISABLED are read in full, sparing a GetSchedule per enabled managed schedule.
 * Their state is GetSchedule's, which a resume in between may have changed.
 */
export async function listPausedScheduleViews(
  scheduler: SchedulerPort, managed: readonly string[], now: Date = new Date(),
): Promise<Schedule[]> {
  const summaries = await scheduler.listSchedules();
  const paused = summaries.filter((summary) => summary.State === 'DISABLED');
  return (await viewsOf(scheduler, paused, managed, now))
    .filter((view) => view.state === 'DISABLED');
}

async function viewsOf(
  scheduler: SchedulerPort, summaries: ScheduleSummary[], managed: readonly string[], now: Date,
): Promise<Schedule[]> {
  const views = summaries
    .filter((summary) => !isManaged(managed, summary.GroupName, summary.Name))
    .map((summary) => summaryView(summary));
  const full = summaries.filter((summary) => isManaged(managed, summary.GroupName, summary.Name));
  for (let start = 0; start < full.length; start += readsAtOnce) {
    const batch = full.slice(start, start + readsAtOnce);
    const documents = await Promise.all(
      batch.map((summary) => scheduler.getSchedule(summary.GroupName, summary.Name)),
    );
    for (const document of documents) {
      if (document) views.push(toScheduleView(document, managed, now));
    }
  }
  return views.sort((a, b) => compareNames(a.group, b.group) || compareNames(a.name, b.name));
}

function summaryView(summary: ScheduleSummary): Schedule {
  return {
    group: summary.GroupName,
    name: summary.Name,
    state: summary.State,
    function: functionFromTargetArn(summary.TargetArn),
    targetArn: summary.TargetArn,
    managed: false,
    description: null,
    lastModified: summary.LastModificationDate?.toISOString() ?? null,
    endDate: null,
    // ListSchedules has no EndDate, and GetSchedule of a schedule Turno does not manage is denied.
    firesNever: null,
  };
}
