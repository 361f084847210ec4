import type { AppDeps } from '../types.ts';
import { infraProbes } from './infra/index.ts';
import { messagingProbes } from './messaging/index.ts';
import { pausedReminderProbe } from './schedules/paused-reminder.ts';
import type { Probe } from './types.ts';

/** The probes this deployment runs, as its configuration and cloud allow. */
export function probesFor(deps: AppDeps): Probe[] {
  return [
    ...messagingProbes(deps), ...infraProbes(deps),
    pausedReminderProbe(deps.config.pausedReminderHours),
  ];
}
