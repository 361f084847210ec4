import type {
  GetScheduleCommandOutput, ScheduleSummary as AwsScheduleSummary, UpdateScheduleCommandInput,
} from '@aws-sdk/client-scheduler';
import type { ScheduleDocument, ScheduleSummary, ScheduleUpdate } from '../types.ts';

/** A GetSchedule answer as Turno's document; every field AWS sent is kept, none invented. */
export function fromGetSchedule(
  output: GetScheduleCommandOutput, group: string, name: string,
): ScheduleDocument {
  const { Target: target, FlexibleTimeWindow: window } = output;
  const document: ScheduleDocument = {
    Arn: output.Arn ?? '',
    GroupName: output.GroupName ?? group,
    Name: output.Name ?? name,
    State: output.State === 'DISABLED' ? 'DISABLED' : 'ENABLED',
    ScheduleExpression: output.ScheduleExpression ?? '',
    FlexibleTimeWindow: {
      Mode: window?.Mode === 'FLEXIBLE' ? 'FLEXIBLE' : 'OFF',
      ...defined('MaximumWindowInMinutes', window?.MaximumWindowInMinutes),
    },
    // Non-Lambda targets carry parameters of their own (SqsParameters …): keep them all.
    Target: {
      ...withoutUndefined(target ?? {}),
      Arn: target?.Arn ?? '',
      RoleArn: target?.RoleArn ?? '',
    },
  };
  return Object.assign(document, withoutUndefined({
    Description: output.Description,
    ScheduleExpressionTimezone: output.ScheduleExpressionTimezone,
    StartDate: output.StartDate,
    EndDate: output.EndDate,
    KmsKeyArn: output.KmsKeyArn,
    ActionAfterCompletion: output.ActionAfterCompletion,
    CreationDate: output.CreationDate,
    LastModificationDate: output.LastModificationDate,
  }));
}

/** A ListSchedules entry; entries AWS sent without a name are of no use and left out. */
export function fromListedSchedule(summary: AwsScheduleSummary): ScheduleSummary | null {
  if (!summary.Name || !summary.GroupName) return null;
  return {
    GroupName: summary.GroupName,
    Name: summary.Name,
    State: summary.State === 'DISABLED' ? 'DISABLED' : 'ENABLED',
    TargetArn: summary.Target?.Arn ?? '',
    ...defined('LastModificationDate', summary.LastModificationDate),
  };
}

/**
 * Exactly the fields of the update, nothing added: UpdateSchedule replaces the whole schedule,
 * so what is sent is what the schedule becomes.
 * https://docs.aws.amazon.com/scheduler/latest/APIReference/API_UpdateSchedule.html
 */
export function toUpdateScheduleInput(update: ScheduleUpdate): UpdateScheduleCommandInput {
  const { Target: target, FlexibleTimeWindow: window, ...rest } = update;
  return {
    ...withoutUndefined(rest),
    FlexibleTimeWindow: withoutUndefined({ ...window }),
    Target: withoutUndefined({ ...target }),
  };
}

function defined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, item]) => item !== undefined),
  ) as T;
}
