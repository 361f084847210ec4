import type { Alert, Schedule } from '@turno/shared';
import { computed, type Ref } from 'vue';

export interface PauseOption {
  functionName: string;
  schedule: Schedule;
}

/**
 * The schedules an alert lets the user pause: managed ones whose target function is one of the
 * alert's functions, or one it names among its resources (a probe's "function failing most").
 * Matched by target, never by name (`up_update_active_positions`).
 */
export function useAlertActions(alert: Ref<Alert | null>, schedules: Ref<Schedule[] | null>) {
  return computed<PauseOption[]>(() => {
    const names = new Set([
      ...(alert.value?.functions ?? []).map((tally) => tally.name),
      ...(alert.value?.resources ?? []),
    ]);
    const options: PauseOption[] = [];
    for (const name of names) {
      for (const schedule of schedules.value ?? []) {
        if (schedule.managed && schedule.function === name) {
          options.push({ functionName: name, schedule });
        }
      }
    }
    return options;
  });
}
