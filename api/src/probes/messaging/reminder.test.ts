import { afterEach, describe, expect, it } from 'vitest';
import { pushPayloadSchema } from '@turno/shared';
import { createApp } from '../../app.ts';
import { saveQuietHours } from '../../notify/quiet-store.ts';
import {
  bearer, createTestDeps, signIn, type RecordingPusher, type TestDeps,
} from '../../testing/index.ts';
import { runDueProbes } from '../run-probes.ts';
import { defaultMessagingConfig } from './config.ts';
import { createReminderProbe } from './reminder-probe.ts';
import {
  claimReminder, confirmReminder, readReminder, reminderDueAt, reminderShouldSend,
  type ReminderState,
} from './reminder-store.ts';

const hour = 3_600_000;
const day = 24 * hour;
const timing = { everyDays: 12, repeatHours: 24 };
// 9:00 in Mexico City, the start of the reminder's daytime hours.
const start = new Date('2026-03-01T15:00:00Z');
const after = (ms: number) => new Date(start.getTime() + ms);
let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

describe('reminder timing', () => {
  const confirmed: ReminderState = {
    startedAt: null, lastConfirmedAt: start.toISOString(), lastConfirmedBy: 'operador',
    lastSentAt: null,
  };

  it('counts from Turno\'s first look while nobody has confirmed, and not before it', () => {
    const never: ReminderState = {
      startedAt: null, lastConfirmedAt: null, lastConfirmedBy: null, lastSentAt: null,
    };
    expect(reminderDueAt(never, timing)).toBeNull();
    expect(reminderShouldSend(never, timing, start)).toBe(false);
    const started = { ...never, startedAt: start.toISOString() };
    expect(reminderDueAt(started, timing)).toEqual(after(12 * day));
    expect(reminderShouldSend(started, timing, after(12 * day))).toBe(true);
  });

  it('is due 12 days after the last "Listo", not a minute before', () => {
    expect(reminderDueAt(confirmed, timing)).toEqual(after(12 * day));
    expect(reminderShouldSend(confirmed, timing, after(12 * day - 60_000))).toBe(false);
    expect(reminderShouldSend(confirmed, timing, after(12 * day))).toBe(true);
  });

  it('asks again every 24 h while nobody taps "Listo"', () => {
    const sent = { ...confirmed, lastSentAt: after(12 * day).toISOString() };
    expect(reminderShouldSend(sent, timing, after(12 * day + 23 * hour))).toBe(false);
    expect(reminderShouldSend(sent, timing, after(13 * day))).toBe(true);
  });

  it('starts a new cycle from a "Listo" given after the last push', () => {
    const state = {
      startedAt: null, lastConfirmedAt: after(13 * day).toISOString(), lastConfirmedBy: 'admin',
      lastSentAt: after(12 * day).toISOString(),
    };
    expect(reminderShouldSend(state, timing, after(20 * day))).toBe(false);
    expect(reminderShouldSend(state, timing, after(25 * day))).toBe(true);
  });
});

describe('the whatsapp-reminder probe', () => {
  const config = { ...defaultMessagingConfig().reminder, keepers: ['operador'] };

  it('pushes the reminder once to the keeper when due, as a small valid payload', async () => {
    deps = await createTestDeps({ probes: [createReminderProbe(config)] });
    await confirmReminder(deps.statePool, 'operador', start);

    await runDueProbes(deps, after(11 * day));
    const pusher = deps.pusher as RecordingPusher;
    expect(pusher.sent).toHaveLength(0);

    await runDueProbes(deps, after(12 * day));
    expect(pusher.sent).toHaveLength(1);
    const [push] = pusher.sent;
    expect(push?.users).toEqual(['operador']);
    expect(pushPayloadSchema.parse(push?.payload)).toMatchObject({
      kind: 'phone-reminder', card: '1.1', url: '/ajustes#whatsapp-reminder',
      title: 'Abre WhatsApp en el celular designado', lang: 'es-MX',
    });
    expect(pushPayloadSchema.parse(push?.message.en)).toMatchObject({
      kind: 'phone-reminder', title: 'Open WhatsApp on the designated phone', lang: 'en',
    });
    expect(JSON.stringify(push?.payload).length).toBeLessThan(300);
    expect((await readReminder(deps.statePool)).lastSentAt).toBe(after(12 * day).toISOString());
  });

  it('starts counting on its first look, then pushes when 12 days have passed', async () => {
    deps = await createTestDeps({ probes: [createReminderProbe(config)] });

    await runDueProbes(deps, start);
    await runDueProbes(deps, after(12 * day - hour));
    expect((deps.pusher as RecordingPusher).sent).toHaveLength(0);
    expect((await readReminder(deps.statePool)).startedAt).toBe(start.toISOString());

    await runDueProbes(deps, after(12 * day));
    expect((deps.pusher as RecordingPusher).sent).toHaveLength(1);
  });

  it('pushes once when two watchers find it due at the same moment', async () => {
    const probe = createReminderProbe(config);
    deps = await createTestDeps({ probes: [probe] });
    const d = deps;
    await confirmReminder(d.statePool, 'operador', start);

    // Straight to run(): the runner's own claim would already keep the second one out.
    const due = after(12 * day);
    const results = await Promise.all([probe.run(d, due), probe.run(d, due)]);

    expect((d.pusher as RecordingPusher).sent).toHaveLength(1);
    expect(results.map((result) => result.summary.sent).sort()).toEqual([false, true]);
  });

  it('lets only the first of two claims on the same state through', async () => {
    deps = await createTestDeps();
    const seen = await readReminder(deps.statePool);

    const next = { ...seen, lastSentAt: start.toISOString() };
    const claims = await Promise.all([
      claimReminder(deps.statePool, seen, next), claimReminder(deps.statePool, seen, next),
    ]);

    expect(claims.sort()).toEqual([false, true]);
  });

  it('carries what a "Listo" action needs: the confirm endpoint, which answers it', async () => {
    deps = await createTestDeps({ probes: [createReminderProbe(config)], now: () => start });
    await confirmReminder(deps.statePool, 'operador', new Date(start.getTime() - 12 * day));
    await runDueProbes(deps, start);
    const [push] = (deps.pusher as RecordingPusher).sent;
    const payload = pushPayloadSchema.parse(push?.payload);
    const app = createApp(deps);

    const confirmed = await app.request(payload.confirmUrl ?? '', {
      method: 'POST', headers: bearer(await signIn(app, 'operador')),
    });

    expect(payload.confirmUrl).toBe('/api/whatsapp/reminder/confirm');
    expect(confirmed.status).toBe(200);
    expect((await readReminder(deps.statePool)).lastConfirmedAt).toBe(start.toISOString());
  });

  it('waits for daytime in Mexico City when it falls due at night', async () => {
    deps = await createTestDeps({ probes: [createReminderProbe(config)] });
    // 2:00 in Mexico City.
    const night = new Date('2026-03-01T08:00:00Z');
    await confirmReminder(deps.statePool, 'operador', night);
    const pusher = deps.pusher as RecordingPusher;

    await runDueProbes(deps, after(12 * day - 7 * hour));
    await runDueProbes(deps, new Date(after(12 * day).getTime() - 15 * 60_000));
    expect(pusher.sent).toHaveLength(0);
    expect((await readReminder(deps.statePool)).lastSentAt).toBeNull();

    await runDueProbes(deps, after(12 * day));
    expect(pusher.sent).toHaveLength(1);
  });

  it('tells Estado the next reminder at the daytime hour it can go out', async () => {
    const probe = createReminderProbe(config);
    deps = await createTestDeps({ probes: [probe] });
    // 2:00 in Mexico City; twelve days later the reminder waits for 9:00 (15:00Z).
    await confirmReminder(deps.statePool, 'operador', new Date('2026-03-01T08:00:00Z'));

    const result = await probe.run(deps, new Date('2026-03-02T18:00:00Z'));

    expect(result.summary.dueAt).toBe('2026-03-13T15:00:00.000Z');
  });

  it('leaves out a keeper in quiet hours, and waits while every keeper is', async () => {
    const keepers = { ...config, keepers: ['operador', 'ana'] };
    deps = await createTestDeps({ probes: [createReminderProbe(keepers)] });
    await confirmReminder(deps.statePool, 'operador', start);
    await saveQuietHours(deps.statePool, 'ana', { startHour: 8, endHour: 12 }, start);
    await saveQuietHours(deps.statePool, 'operador', { startHour: 9, endHour: 10 }, start);
    const pusher = deps.pusher as RecordingPusher;

    await runDueProbes(deps, after(12 * day));
    expect(pusher.sent).toHaveLength(0);

    await runDueProbes(deps, after(12 * day + hour));
    expect(pusher.sent.map((push) => push.users)).toEqual([['operador']]);
  });

  it('goes to every subscribed device when no keeper is named', async () => {
    const probe = createReminderProbe({ ...config, keepers: [] });
    deps = await createTestDeps({ probes: [probe] });
    await confirmReminder(deps.statePool, 'admin', start);
    await runDueProbes(deps, after(12 * day));
    expect((deps.pusher as RecordingPusher).sent[0]).not.toHaveProperty('users');
  });
});
