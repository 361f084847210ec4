import type { ScheduleDocument, ScheduleUpdate } from '../cloud/types.ts';

/**
 * UpdateSchedule replaces the whole schedule, so every writable field is copied explicitly:
 * a field missing here would be silently erased in AWS.
 */
export function toScheduleUpdate(schedule: ScheduleDocument, now: Date): ScheduleUpdate {
  const { Target: target } = schedule;
  const update: ScheduleUpdate = {
    Name: schedule.Name,
    GroupName: schedule.GroupName,
    ScheduleExpression: schedule.ScheduleExpression,
    State: schedule.State,
    FlexibleTimeWindow: { ...schedule.FlexibleTimeWindow },
    Target: {
      Arn: target.Arn,
      RoleArn: target.RoleArn,
      ...(target.Input !== undefined ? { Input: target.Input } : {}),
      ...(target.RetryPolicy ? { RetryPolicy: { ...target.RetryPolicy } } : {}),
      ...(target.DeadLetterConfig ? { DeadLetterConfig: { ...target.DeadLetterConfig } } : {}),
      ...copyUnknownTargetFields(target),
    },
  };
  if (schedule.ScheduleExpressionTimezone !== undefined) {
    update.ScheduleExpressionTimezone = schedule.ScheduleExpressionTimezone;
  }
  if (startsInFuture(schedule, now) && schedule.StartDate) update.StartDate = schedule.StartDate;
  if (schedule.EndDate !== undefined) update.EndDate = schedule.EndDate;
  if (schedule.Description !== undefined) update.Description = schedule.Description;
  if (schedule.KmsKeyArn !== undefined) update.KmsKeyArn = schedule.KmsKeyArn;
  if (schedule.ActionAfterCompletion !== undefined) {
    update.ActionAfterCompletion = schedule.ActionAfterCompletion;
  }
  return update;
}

/** AWS rejects a StartDate in the past, and a past start no longer changes anything. */
export function startsInFuture(schedule: ScheduleDocument, now: Date): boolean {
  return schedule.StartDate !== undefined && schedule.StartDate.getTime() > now.getTime();
}

const knownTargetFields = new Set(['Arn', 'RoleArn', 'Input', 'RetryPolicy', 'DeadLetterConfig']);

/** Target kinds other than Lambda (SQS, ECS, EventBridge …) carry parameters of their own. */
function copyUnknownTargetFields(target: ScheduleDocument['Target']): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(target)) {
    if (knownTargetFields.has(field) || value === undefined) continue;
    extra[field] = structuredClone(value);
  }
  return extra;
}
