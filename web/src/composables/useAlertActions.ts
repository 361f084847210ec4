import type { Alert, Schedule } from '@turno/shared';
import { computed, type Ref } from 'vue';

export interface PauseOption {
  functionName: string;
  schedule: Schedule;
}

/**
 * The schedules an alert lets the user pause: managed ones whose target function is one of the
 * alert's functions. Matched by target, never by name (`up_update_active_positions`).
 */
export function useAlertActions(alert: Ref<Alert | null>, schedules: Ref<Schedule[] | null>) {
  return computed<PauseOption[]>(() => {
    const options: PauseOption[] = [];
    for (const tally of alert.value?.functions ?? []) {
      for (const schedule of schedules.value ?? []) {
        if (schedule.managed && schedule.function === tally.name) {
          options.push({ functionName: tally.name, schedule });
        }
      }
    }
    return options;
  });
}
