import { afterEach, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../testing/index.ts';
import { pausedThroughTurno } from './paused-by-turno.ts';
import { runScheduleAction, type ScheduleVerb } from './schedule-action.ts';
import { setScheduleState } from './schedule-state.ts';

let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

const start = Date.parse('2026-01-07T18:00:00Z');

/** A sandbox on a clock one minute further at each step; Turno's taps and the console's. */
async function setUp() {
  let clock = start;
  const d = await createTestDeps({ now: () => new Date(clock) });
  deps = d;
  const tick = () => { clock += 60_000; };
  const turno = async (verb: ScheduleVerb, name: string, user = 'operador') => {
    tick();
    return runScheduleAction(d, {
      principal: { user, role: user === 'admin' ? 'admin' : 'operator' }, group: 'default',
      name, verb, idempotencyKey: undefined,
    });
  };
  const inConsole = async (verb: ScheduleVerb, name: string) => {
    tick();
    await setScheduleState(d.cloud.scheduler, 'default', name,
      verb === 'pause' ? 'DISABLED' : 'ENABLED');
  };
  return { d, turno, inConsole };
}

describe('pausedThroughTurno', () => {
  it('leaves out a pause that found the schedule paused already', async () => {
    const { d, turno } = await setUp();

    const noOp = await turno('pause', 'lide-mix-get-assets');

    expect(noOp.audit).toMatchObject({ outcome: 'ok', detail: 'already in that state' });
    expect(await pausedThroughTurno(d.statePool)).toEqual([]);
  });

  it('keeps who paused it and when, not a later pause that found it paused', async () => {
    const { d, turno } = await setUp();
    await turno('pause', 'linde-mix-get-events');

    await turno('pause', 'linde-mix-get-events', 'admin');

    expect(await pausedThroughTurno(d.statePool)).toEqual([{
      group: 'default', name: 'linde-mix-get-events', since: new Date(start + 60_000),
      by: 'operador',
    }]);
  });

  it('counts a pause that did pause a schedule paused outside Turno before', async () => {
    const { d, turno, inConsole } = await setUp();
    await turno('pause', 'lide-mix-get-assets');
    await inConsole('resume', 'lide-mix-get-assets');

    await turno('pause', 'lide-mix-get-assets', 'admin');

    expect(await pausedThroughTurno(d.statePool)).toEqual([{
      group: 'default', name: 'lide-mix-get-assets', since: new Date(start + 3 * 60_000),
      by: 'admin',
    }]);
  });

  it('ends a pause once a resume through Turno finds the console resumed it', async () => {
    const { d, turno, inConsole } = await setUp();
    await turno('pause', 'linde-mix-get-events');
    await inConsole('resume', 'linde-mix-get-events');

    const noOp = await turno('resume', 'linde-mix-get-events');
    await inConsole('pause', 'linde-mix-get-events');

    expect(noOp.audit.detail).toBe('already in that state');
    expect(await pausedThroughTurno(d.statePool)).toEqual([]);
  });
});
