import type { Schedule } from '@turno/shared';
import { functionFromTargetArn } from '../cloud/lambda-arn.ts';
import type { ScheduleDocument, SchedulerPort } from '../cloud/types.ts';

const readsAtOnce = 5;

/** A schedule as the API shows it; its function comes from the target ARN, not its name. */
export function toScheduleView(schedule: ScheduleDocument, managed: readonly string[]): Schedule {
  return {
    group: schedule.GroupName,
    name: schedule.Name,
    state: schedule.State,
    function: functionFromTargetArn(schedule.Target.Arn),
    targetArn: schedule.Target.Arn,
    managed: isManaged(managed, schedule.GroupName, schedule.Name),
    description: schedule.Description ?? null,
    lastModified: schedule.LastModificationDate?.toISOString() ?? null,
  };
}

export function isManaged(managed: readonly string[], group: string, name: string): boolean {
  return managed.includes(`${group}/${name}`);
}

/**
 * Every schedule in full: ListSchedules carries no description, so each one is read with
 * GetSchedule, a few at a time to stay under the Scheduler API's rate limit.
 */
export async function listScheduleViews(
  scheduler: SchedulerPort, managed: readonly string[],
): Promise<Schedule[]> {
  const summaries = await scheduler.listSchedules();
  const views: Schedule[] = [];
  for (let start = 0; start < summaries.length; start += readsAtOnce) {
    const batch = summaries.slice(start, start + readsAtOnce);
    const documents = await Promise.all(
      batch.map((summary) => scheduler.getSchedule(summary.GroupName, summary.Name)),
    );
    for (const document of documents) {
      if (document) views.push(toScheduleView(document, managed));
    }
  }
  return views.sort((a, b) => a.group.localeCompare(b.group) || a.name.localeCompare(b.name));
}
