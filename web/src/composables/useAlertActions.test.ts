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
});
