import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setScheduleState } from '../actions/schedule-state.ts';
import { createTestDeps, type TestDeps } from '../testing/index.ts';
import { createSandboxCloud } from './sandbox.ts';
import { loadSandboxSchedules, persistingScheduler } from './sandbox-persistence.ts';

describe('the sandbox schedules across a restart', () => {
  let deps: TestDeps;
  beforeAll(async () => {
    deps = await createTestDeps();
  });
  afterAll(async () => {
    await deps.close();
  });

  it('loads nothing on a first start', async () => {
    expect(await loadSandboxSchedules(deps.statePool)).toBeUndefined();
  });

  it('keeps a paused schedule paused, with every other field as it was', async () => {
    const first = createSandboxCloud();
    const scheduler = persistingScheduler(first.scheduler, deps.statePool);
    await setScheduleState(scheduler, 'default', 'linde-mix-get-events', 'DISABLED');
    const before = await first.scheduler.getSchedule('default', 'linde-mix-get-events');

    const saved = await loadSandboxSchedules(deps.statePool);
    const restarted = createSandboxCloud({ ...(saved ? { schedules: saved } : {}) });
    const after = await restarted.scheduler.getSchedule('default', 'linde-mix-get-events');

    expect(after?.State).toBe('DISABLED');
    expect(after).toEqual(before);
    expect(await restarted.scheduler.listSchedules()).toHaveLength(7);
  });
});
