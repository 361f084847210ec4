import { afterEach, describe, expect, it } from 'vitest';
import { pushPayloadSchema, statusResponse } from '@turno/shared';
import { setScheduleState } from '../../actions/schedule-state.ts';
import { createApp } from '../../app.ts';
import { setRotation } from '../../notify/fixtures.ts';
import { saveQuietHours } from '../../notify/quiet-store.ts';
import {
  bearer, createTestDeps, signIn, type RecordingPusher, type TestDeps,
} from '../../testing/index.ts';
import { listProbeRuns } from '../probe-store.ts';
import { runDueProbes } from '../run-probes.ts';
import { pausedReminderProbe } from './paused-reminder.ts';
import { claimPausedReminder, readPausedReminder } from './paused-reminder-state.ts';

const hour = 3_600_000;
let deps: TestDeps | undefined;
let clock = new Date();

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

/** Operador on call, the paused-schedules probe at 4 hours, the clock at `start`. */
async function setUp(start: string) {
  clock = new Date(start);
  deps = await createTestDeps({ now: () => clock, probes: [pausedReminderProbe(4)] });
  const d = deps;
  await setRotation(d.statePool, ['operador', 'admin'], clock);
  const app = createApp(d);
  const headers = bearer(await signIn(app, 'operador'));
  const act = async (verb: 'pause' | 'resume', name: string) => {
    const response = await app.request(`/api/schedules/default/${name}/${verb}`, {
      method: 'POST', headers,
    });
    expect(response.status).toBe(200);
  };
  const pusher = d.pusher as RecordingPusher;
  /** Runs the probes at `ms` after the start; what they pushed in that run. */
  const at = async (ms: number) => {
    clock = new Date(Date.parse(start) + ms);
    const before = pusher.sent.length;
    await runDueProbes(d, clock);
    return pusher.sent.slice(before);
  };
  return { d, app, headers, act, at };
}

describe('the paused-schedules reminder', () => {
  // Wednesday 12:00 in Mexico City.
  const noon = '2026-01-07T18:00:00Z';

  it('reminds the person on call 4 h after a pause through Turno, then every 4 h', async () => {
    const { act, at } = await setUp(noon);
    await act('pause', 'linde-mix-get-events');

    // The probe looks every 5 minutes: its last look before the 4 hours.
    expect(await at(4 * hour - 5 * 60_000)).toEqual([]);
    const [push, ...more] = await at(4 * hour);
    expect(more).toEqual([]);
    expect(push?.users).toEqual(['operador']);
    expect(pushPayloadSchema.parse(push?.payload)).toEqual({
      v: 1, kind: 'paused-reminder', alertId: '', card: '2.1',
      title: 'Siguen en pausa: linde-mix-get-events', url: '/programaciones',
      paused: [{ name: 'linde-mix-get-events', since: noon.replace('Z', '.000Z') }],
      lang: 'es-MX',
    });
    expect(push?.message.en).toMatchObject({
      title: 'Still paused: linde-mix-get-events', lang: 'en',
    });
    expect(JSON.stringify(push?.payload).length).toBeLessThan(400);
    expect(await at(5 * hour)).toEqual([]);
    expect(await at(8 * hour)).toHaveLength(1);
  });

  it('stops once the schedule is resumed', async () => {
    const { act, at } = await setUp(noon);
    await act('pause', 'linde-mix-get-events');
    expect(await at(4 * hour)).toHaveLength(1);

    await act('resume', 'linde-mix-get-events');

    for (const hours of [8, 12, 16, 40]) expect(await at(hours * hour)).toEqual([]);
  });

  it('names every schedule still paused, and one newly due at once', async () => {
    const { act, at } = await setUp(noon);
    await act('pause', 'linde-mix-get-events');
    clock = new Date(Date.parse(noon) + 2 * hour);
    await act('pause', 'linde-mix-get-positions');

    const first = await at(4 * hour);
    const second = await at(6 * hour);

    expect(first.map((push) => push.payload.paused?.map((p) => p.name)))
      .toEqual([['linde-mix-get-events']]);
    expect(second.map((push) => push.payload.paused?.map((p) => p.name)))
      .toEqual([['linde-mix-get-events', 'linde-mix-get-positions']]);
  });

  it('says nothing of schedules paused outside Turno, or resumed outside it', async () => {
    const { d, act, at } = await setUp(noon);
    await act('pause', 'linde-mix-get-events');
    await setScheduleState(d.cloud.scheduler, 'default', 'linde-mix-get-events', 'ENABLED');

    expect(await at(4 * hour)).toEqual([]);
    expect(await at(100 * hour)).toEqual([]);
  });

  it('neither claims nor reminds of a schedule a pause found paused already', async () => {
    const { app, headers, act, at } = await setUp(noon);
    // Paused outside Turno since 2024 in the sandbox.
    await act('pause', 'lide-mix-get-assets');

    expect(await at(4 * hour)).toEqual([]);
    const status = statusResponse.parse(await (await app.request('/api/status', { headers }))
      .json());
    const assets = status.pausedSchedules.find((s) => s.name === 'lide-mix-get-assets');
    expect(assets).toMatchObject({ state: 'DISABLED' });
    expect(assets?.turnoPause).toBeNull();
    expect(status.probes.find((p) => p.probe === 'paused-schedules')?.summary)
      .toMatchObject({ pausedByTurno: 0, sent: false });
    expect(await at(100 * hour)).toEqual([]);
  });

  it('counts again on the next watcher pass after a pause or resume through Turno',
    async () => {
      const { d, act, at } = await setUp(noon);
      const counted = async () => (await listProbeRuns(d.statePool))
        .find((run) => run.probe === 'paused-schedules')?.summary?.pausedByTurno;
      await at(0);

      await act('pause', 'linde-mix-get-events');
      await at(15_000);
      expect(await counted()).toBe(1);

      await act('resume', 'linde-mix-get-events');
      await at(30_000);
      expect(await counted()).toBe(0);
    });

  it('waits for the end of the quiet hours of the person on call', async () => {
    // 20:00 in Mexico City: due at midnight, in operador's quiet hours until 7:00.
    const { d, act, at } = await setUp('2026-01-08T02:00:00Z');
    await saveQuietHours(d.statePool, 'operador', { startHour: 22, endHour: 7 }, clock);
    await act('pause', 'linde-mix-get-events');

    expect(await at(4 * hour)).toEqual([]);
    expect(await at(10 * hour + 55 * 60_000)).toEqual([]);
    expect(await at(11 * hour)).toHaveLength(1);
  });

  it('shows on Estado who paused what since when, and which are overdue', async () => {
    const { d, app, headers, act, at } = await setUp(noon);
    await act('pause', 'linde-mix-get-events');
    await at(4 * hour);

    const status = statusResponse.parse(await (await app.request('/api/status', { headers }))
      .json());

    expect(status.pausedReminderHours).toBe(4);
    expect(status.pausedSchedules.map((s) => [s.name, s.turnoPause ?? null])).toEqual([
      ['linde-mix-get-events', { since: new Date(noon).toISOString(), by: 'operador',
        overdue: true }],
      ['up_update_active_positions', null],
      ['lide-mix-get-assets', null],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
    expect(status.probes.find((p) => p.probe === 'paused-schedules')?.summary).toEqual({
      pausedByTurno: 1, longPaused: 1, pausedSince: new Date(noon).toISOString(),
      lastSentAt: clock.toISOString(), sent: true,
    });
    expect(d.config.pausedReminderHours).toBe(4);
  });
});

describe('claimPausedReminder', () => {
  it('lets only one of two watchers that read the same state push', async () => {
    deps = await createTestDeps();
    const seen = await readPausedReminder(deps.statePool);
    const next = { lastSentAt: new Date().toISOString() };

    const claims = await Promise.all([
      claimPausedReminder(deps.statePool, seen, next),
      claimPausedReminder(deps.statePool, seen, next),
    ]);

    expect(claims.sort()).toEqual([false, true]);
    expect(await readPausedReminder(deps.statePool)).toEqual(next);
  });
});
