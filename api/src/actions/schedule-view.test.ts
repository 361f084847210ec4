import { describe, expect, it } from 'vitest';
import { createSandboxCloud } from '../cloud/sandbox.ts';
import { richSchedule } from '../cloud/contract/contract-schedules.ts';
import { runbookSchedules } from '../config.ts';
import {
  firesNever, listPausedScheduleViews, listScheduleViews, toScheduleView,
} from './schedule-view.ts';

const endDate = new Date('2026-01-01T00:00:00Z');
const managed = ['up-sync/linde-mix-get-events'];

describe('toScheduleView', () => {
  it('shows an enabled schedule past its end date as never firing', () => {
    const view = toScheduleView(richSchedule({ EndDate: endDate }), managed,
      new Date('2026-01-01T00:00:01Z'));

    expect(view).toMatchObject({
      state: 'ENABLED', firesNever: true, endDate: '2026-01-01T00:00:00.000Z', managed: true,
    });
  });

  it('shows a schedule whose end date is still ahead as firing', () => {
    const view = toScheduleView(richSchedule({ EndDate: endDate }), managed,
      new Date('2025-12-31T23:59:59Z'));

    expect(view).toMatchObject({ state: 'ENABLED', firesNever: false });
  });

  it('shows a schedule with no end date as firing and with a null end date', () => {
    const { EndDate, ...open } = richSchedule();

    expect(toScheduleView(open, managed, new Date('2030-01-01'))).toMatchObject({
      firesNever: false, endDate: null,
    });
  });
});

describe('firesNever', () => {
  it('counts the very moment of the end date as passed', () => {
    expect(firesNever(richSchedule({ EndDate: endDate }), endDate)).toBe(true);
  });
});

describe('listScheduleViews', () => {
  it('judges every end date against the time it is given', async () => {
    const cloud = createSandboxCloud({
      schedules: [richSchedule({ EndDate: new Date('2025-01-01T00:00:00Z') })],
    });

    const before = await listScheduleViews(cloud.scheduler, managed, new Date('2024-12-31'));
    const after = await listScheduleViews(cloud.scheduler, managed, new Date('2025-01-02'));

    expect(before.map((s) => s.firesNever)).toEqual([false]);
    expect(after.map((s) => s.firesNever)).toEqual([true]);
  });
});

describe('listScheduleViews', () => {
  it('reads in full only the managed schedules, which are all its role may read', async () => {
    const { scheduler } = createSandboxCloud();
    const read: string[] = [];
    const counting = {
      ...scheduler,
      getSchedule: async (group: string, name: string) => {
        read.push(`${group}/${name}`);
        return scheduler.getSchedule(group, name);
      },
    };

    const views = await listScheduleViews(counting, ['default/linde-mix-get-events']);

    expect(read).toEqual(['default/linde-mix-get-events']);
    expect(views).toHaveLength(7);
    expect(views.find((view) => view.name === 'up_update_active_positions')).toMatchObject({
      managed: false, function: 'up-update-active-positions', state: 'DISABLED',
    });
  });

  it('says it cannot tell whether a schedule it does not manage still fires', async () => {
    const ended = richSchedule({ EndDate: new Date('2025-01-01T00:00:00Z') });
    const { scheduler } = createSandboxCloud({ schedules: [ended] });

    const [view] = await listScheduleViews(scheduler, [], new Date('2025-06-02'));

    expect(view).toMatchObject({
      managed: false, state: 'ENABLED', endDate: null, firesNever: null,
    });
  });
});

describe('listPausedScheduleViews', () => {
  it('reads in full only the paused managed schedules, shown as in the whole list', async () => {
    const { scheduler } = createSandboxCloud();
    const read: string[] = [];
    const counting = {
      ...scheduler,
      getSchedule: async (group: string, name: string) => {
        read.push(`${group}/${name}`);
        return scheduler.getSchedule(group, name);
      },
    };
    const managed = runbookSchedules;
    const now = new Date('2025-06-02');

    const paused = await listPausedScheduleViews(counting, managed, now);
    const all = await listScheduleViews(scheduler, managed, now);

    expect(read.sort())
      .toEqual(['default/lide-mix-get-assets', 'default/up_update_active_positions']);
    expect(paused).toEqual(all.filter((view) => view.state === 'DISABLED'));
    expect(paused).toHaveLength(2);
  });

  it('leaves out a schedule resumed between the list and its full read', async () => {
    const { scheduler } = createSandboxCloud();
    const resumedMeanwhile = {
      ...scheduler,
      getSchedule: async (group: string, name: string) => {
        const document = await scheduler.getSchedule(group, name);
        return document && { ...document, State: 'ENABLED' as const };
      },
    };

    const paused = await listPausedScheduleViews(resumedMeanwhile, runbookSchedules);

    expect(paused).toEqual([]);
  });
});
