import type { Schedule } from '@turno/shared';
import type { ConfirmAction } from '../components/actions/types.ts';
import { useApi } from './useApi.ts';
import { useConfirm } from './useConfirm.ts';

/** Pause or resume through the confirm sheet; `done` runs after the API confirms the change. */
export function useScheduleChange(done: (schedule: Schedule) => Promise<void> | void) {
  const api = useApi();
  const confirm = useConfirm<ConfirmAction>(async (action, key) => {
    if (action.kind !== 'pause' && action.kind !== 'resume') return;
    const result = await api.changeSchedule(action.schedule, action.kind, key);
    await done(result.schedule);
  });

  function ask(schedule: Schedule): void {
    confirm.ask({ kind: schedule.state === 'ENABLED' ? 'pause' : 'resume', schedule });
  }

  return { ...confirm, ask };
}
