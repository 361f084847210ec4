import type { Pm2ProcessSeed } from './cron-host.ts';
import type { ScheduleState } from './types.ts';

/**
 * The runbook's account (docs/runbook/inventory.json), copied here because the product must not
 * read docs at run time. Account id and instance ids are the inventory's neutral values.
 */
export const sandboxAccount = {
  region: 'us-east-1',
  accountId: '111122223333',
  timezone: 'America/Mexico_City',
} as const;

export interface SandboxScheduleSeed {
  name: string;
  target: string;
  state: ScheduleState;
  expression: string;
  modified: string;
  description?: string;
}

const created = '2023-10-26T11:22:39-05:00';

/** The schedules the runbook names in group `default` (linde-guardian-positions shown twice). */
export const sandboxSchedules: SandboxScheduleSeed[] = [
  {
    name: 'linde-mix-get-active-events',
    target: 'linde-mix-get-active-events',
    state: 'ENABLED',
    expression: 'rate(1 minute)',
    modified: '2024-03-27T15:11:55Z',
    description: 'Obtiene los eventos activos desde la función linde-mix-get-active-events',
  },
  {
    name: 'linde-mix-get-positions',
    target: 'linde-mix-get-positions',
    state: 'ENABLED',
    expression: 'rate(1 minute)',
    modified: '2024-03-27T15:11:55Z',
  },
  {
    name: 'linde-guardian-positions',
    target: 'linde-guardian-positions',
    state: 'ENABLED',
    expression: 'rate(1 minute)',
    modified: '2024-03-27T15:11:55Z',
  },
  {
    name: 'up-update-active-events',
    target: 'up-update-active-events',
    state: 'ENABLED',
    expression: 'rate(2 minutes)',
    modified: '2024-03-27T15:11:55Z',
  },
  {
    name: 'linde-mix-get-events',
    target: 'linde-mix-get-events',
    state: 'ENABLED',
    expression: 'rate(1 minute)',
    modified: '2024-03-27T15:11:55Z',
  },
  {
    name: 'up_update_active_positions',
    target: 'up-update-active-positions',
    state: 'DISABLED',
    expression: 'rate(2 minutes)',
    modified: '2024-03-25T16:11:43Z',
  },
  {
    name: 'lide-mix-get-assets',
    target: 'lide-mix-get-assets',
    state: 'DISABLED',
    expression: 'cron(0 3 * * ? *)',
    modified: '2024-03-01T22:08:58Z',
  },
];

export const sandboxScheduleCreated = created;

export const sandboxRoleArn = 'arn:aws:iam::111122223333:role/service-role/'
  + 'Amazon_EventBridge_Scheduler_LAMBDA_up-sync';

export const sandboxPm2Processes: Pm2ProcessSeed[] = [
  { id: 0, name: 'Linde-Ocurrences', status: 'online', memoryMb: 65.9 },
  { id: 1, name: 'Linde-Locations', status: 'online', memoryMb: 65.4 },
  { id: 2, name: 'Linde-External', status: 'online', memoryMb: 67.1 },
];
