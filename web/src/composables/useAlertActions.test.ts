import type { Alert, Schedule } from '@turno/shared';
import { describe, expect, it } from 'vitest';
import { ref } from 'vue';
import { useAlertActions } from './useAlertActions.ts';

function schedule(name: string, fn: string, managed = true): Schedule {
  return {
    group: 'default', name, state: 'ENABLED', function: fn, managed,
    targetArn: `arn:aws:lambda:us-east-1:111122223333:function:${fn}`,
    description: null, lastModified: null, endDate: null, firesNever: false,
  };
}

describe('useAlertActions', () => {
  it('matches schedules to the alert by target function, not by name', () => {
    const alert = ref({
      functions: [{ name: 'up-update-active-positions', count: 3 }],
    } as Alert);
    const schedules = ref([
      schedule('up_update_active_positions', 'up-update-active-positions'),
      schedule('up-update-active-positions', 'something-else'),
      schedule('copy-of-positions', 'up-update-active-positions', false),
    ]);

    const options = useAlertActions(alert, schedules);

    expect(options.value.map((option) => option.schedule.name))
      .toEqual(['up_update_active_positions']);
  });

  it('offers the schedule of a function a probe named, once, beside the alert\'s own', () => {
    const alert = ref({
      functions: [{ name: 'linde-mix-get-events', count: 2 }],
      resources: ['flotas-develop', 'linde-mix-get-positions', 'linde-mix-get-events'],
    } as Alert);
    const schedules = ref([
      schedule('linde-mix-get-events', 'linde-mix-get-events'),
      schedule('linde-mix-get-positions', 'linde-mix-get-positions'),
    ]);

    const options = useAlertActions(alert, schedules);

    expect(options.value.map((option) => option.functionName))
      .toEqual(['linde-mix-get-events', 'linde-mix-get-positions']);
  });
});
