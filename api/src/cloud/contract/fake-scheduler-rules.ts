import type { UpdateScheduleCommandInput } from '@aws-sdk/client-scheduler';

/** AWS accepts a StartDate up to five minutes in the past and rejects anything older. */
const startDateGraceMs = 5 * 60_000;

/** The ValidationException message UpdateSchedule would answer with, or null when valid. */
export function validateUpdate(input: UpdateScheduleCommandInput, at: Date): string | null {
  const missing = (['ScheduleExpression', 'FlexibleTimeWindow', 'Target'] as const)
    .filter((field) => input[field] === undefined);
  if (missing.length > 0) return `Missing required field: ${missing.join(', ')}`;
  if (!input.Target?.Arn || !input.Target.RoleArn) return 'Target requires Arn and RoleArn.';
  if (input.StartDate && input.StartDate.getTime() < at.getTime() - startDateGraceMs) {
    return 'The StartDate you specify cannot be earlier than 5 minutes ago.';
  }
  if (input.StartDate && input.EndDate && input.EndDate <= input.StartDate) {
    return 'The EndDate must be later than the StartDate.';
  }
  return null;
}
