import {
  sandboxAccount, sandboxRoleArn, sandboxScheduleCreated, sandboxSchedules,
} from './sandbox-inventory.ts';
import type { ScheduleDocument } from './types.ts';

const { region, accountId, timezone } = sandboxAccount;

export function lambdaArn(functionName: string): string {
  return `arn:aws:lambda:${region}:${accountId}:function:${functionName}`;
}

export function scheduleArn(group: string, name: string): string {
  return `arn:aws:scheduler:${region}:${accountId}:schedule/${group}/${name}`;
}

/** EventBridge Scheduler's retry policy when none is given. */
export const defaultRetryPolicy = { MaximumEventAgeInSeconds: 86_400, MaximumRetryAttempts: 185 };

/** The runbook's schedules as GetSchedule would return them. */
export function defaultSandboxSchedules(): ScheduleDocument[] {
  return sandboxSchedules.map((seed) => ({
    Arn: scheduleArn('default', seed.name),
    GroupName: 'default',
    Name: seed.name,
    State: seed.state,
    Description: seed.description ?? `Ejecuta la función ${seed.target}`,
    ScheduleExpression: seed.expression,
    ScheduleExpressionTimezone: timezone,
    FlexibleTimeWindow: { Mode: 'OFF' },
    Target: {
      Arn: lambdaArn(seed.target),
      RoleArn: sandboxRoleArn,
      Input: '{}',
      RetryPolicy: { ...defaultRetryPolicy },
    },
    ActionAfterCompletion: 'NONE',
    CreationDate: new Date(sandboxScheduleCreated),
    LastModificationDate: new Date(seed.modified),
  }));
}
