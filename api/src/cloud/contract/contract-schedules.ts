import type { ScheduleDocument } from '../types.ts';

/** The moment every contract test runs at. */
export const contractNow = new Date('2025-06-02T18:00:00Z');

const account = 'us-east-1:111122223333';
const roleArn = 'arn:aws:iam::111122223333:role/up-scheduler-invoke';

/** GetSchedule always shows a retry policy: Scheduler's default when none was given. */
function lambdaTarget(name: string): ScheduleDocument['Target'] {
  return {
    Arn: `arn:aws:lambda:${account}:function:${name}`,
    RoleArn: roleArn,
    RetryPolicy: { MaximumEventAgeInSeconds: 86_400, MaximumRetryAttempts: 185 },
  };
}

function schedule(group: string, name: string, fields: Partial<ScheduleDocument> = {}) {
  const document: ScheduleDocument = {
    Arn: `arn:aws:scheduler:${account}:schedule/${group}/${name}`,
    GroupName: group,
    Name: name,
    State: 'ENABLED',
    ScheduleExpression: 'rate(5 minutes)',
    FlexibleTimeWindow: { Mode: 'OFF' },
    Target: lambdaTarget(name),
    CreationDate: new Date('2024-01-10T12:00:00Z'),
    LastModificationDate: new Date('2024-03-25T16:11:43Z'),
    ...fields,
  };
  return document;
}

/** A schedule using every writable field, each of which a careless write would erase. */
export function richSchedule(fields: Partial<ScheduleDocument> = {}): ScheduleDocument {
  return schedule('up-sync', 'linde-mix-get-events', {
    Description: 'Eventos de MiX para Linde',
    ScheduleExpression: 'cron(0/5 * * * ? *)',
    ScheduleExpressionTimezone: 'America/Mexico_City',
    StartDate: new Date('2025-07-01T00:00:00Z'),
    EndDate: new Date('2026-01-01T00:00:00Z'),
    FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 5 },
    KmsKeyArn: `arn:aws:kms:${account}:key/abcd-1234`,
    ActionAfterCompletion: 'NONE',
    Target: {
      Arn: `arn:aws:lambda:${account}:function:linde-mix-get-events`,
      RoleArn: roleArn,
      Input: '{"dataSource":1,"batch":50}',
      RetryPolicy: { MaximumEventAgeInSeconds: 600, MaximumRetryAttempts: 3 },
      DeadLetterConfig: { Arn: `arn:aws:sqs:${account}:up-sync-dlq` },
    },
    ...fields,
  });
}

/** Five schedules in two groups: more than one page of the fake's ListSchedules. */
export function contractSchedules(rich: ScheduleDocument = richSchedule()): ScheduleDocument[] {
  return [
    schedule('default', 'up_update_active_positions', { State: 'DISABLED' }),
    schedule('default', 'lide-mix-get-assets'),
    schedule('default', 'guardian-get-events', { ScheduleExpression: 'rate(1 minute)' }),
    rich,
    schedule('up-sync', 'linde-mix-get-positions', {
      Target: { ...lambdaTarget('linde-mix-get-positions'), Arn: `arn:aws:sqs:${account}:up-pos` },
    }),
  ];
}
