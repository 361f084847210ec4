import { afterEach, describe, expect, it } from 'vitest';
import { alertSchema, type Alert } from '@turno/shared';
import { createApp } from '../app.ts';
import { bearer, createTestDeps, signIn, type TestDeps } from '../testing/index.ts';
import { insertSyncError } from './fixtures.ts';
import { runWatcherOnce } from './run.ts';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const deadToken = JSON.stringify({
  error: 'invalid_grant', error_description: 'Token has been expired or revoked.',
});
const rejectedClient = JSON.stringify({
  error: 'invalid_client', error_description: 'The OAuth client was not found.',
});
let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

/** No Gmail credentials, so no probe: only UP's email Lambda says the token died. */
async function setUp() {
  const clock = { now: new Date('2026-03-02T15:00:00Z') };
  deps = await createTestDeps({ now: () => clock.now });
  const d = deps;
  const app = createApp(d);
  // The first run only places the cursor after the runbook's sample rows.
  await runWatcherOnce(d);

  /** The email Lambda's errors `at`, read by the watcher, then 7 quiet hours if `quiet`. */
  const burst = async (at: Date, text = deadToken, { quiet } = { quiet: true }) => {
    clock.now = at;
    for (let n = 0; n < 3; n += 1) {
      await insertSyncError(d.statePool, {
        text, at: new Date(at.getTime() - n * minute), functionName: 'up-send-email-report',
        dataSourceId: null,
      });
    }
    await runWatcherOnce(d);
    const [alert] = await tokenAlerts('open');
    if (!quiet) return alert;
    clock.now = new Date(at.getTime() + 7 * hour);
    await runWatcherOnce(d);
    return alert;
  };
  const tokenAlerts = async (state: string): Promise<Alert[]> => {
    // Signed in at each look: a session does not last the week the clock moves.
    const headers = bearer(await signIn(app, 'observador'));
    const response = await app.request(`/api/alerts?state=${state}`, { headers });
    expect(response.status).toBe(200);
    const alerts = ((await response.json()) as unknown[]).map((item) => alertSchema.parse(item));
    return alerts.filter((alert) => alert.category === 'gmail-token');
  };
  return { start: clock.now, burst, tokenAlerts };
}

describe('card 3.2 opened from Sync_error rows, with no Gmail probe running', () => {
  it('says the app is probably in Testing when invalid_grant comes back a week later',
    async () => {
      const { start, burst, tokenAlerts } = await setUp();
      const first = await burst(new Date(start.getTime() + hour));

      const second = await burst(new Date(start.getTime() + hour + 7 * day));

      expect(second?.id).not.toBe(first?.id);
      expect(second).toMatchObject({
        card: '3.2', origin: 'sync-error',
        detail: {
          error: 'invalid_grant', testingSuspected: true, daysApart: 7,
          previousAt: new Date(start.getTime() + hour - 2 * minute).toISOString(),
        },
      });
      expect(await tokenAlerts('resolved')).toHaveLength(2);
    });

  it('does not suspect Testing when invalid_grant came back a day later', async () => {
    const { start, burst } = await setUp();
    await burst(new Date(start.getTime() + hour));

    const second = await burst(new Date(start.getTime() + hour + day));

    expect(second?.detail).toMatchObject({
      error: 'invalid_grant', testingSuspected: false, daysApart: 1,
    });
  });

  it('does not suspect Testing the first time the token dies', async () => {
    const { start, burst } = await setUp();

    const only = await burst(new Date(start.getTime() + hour));

    expect(only?.detail).toMatchObject({
      error: 'invalid_grant', testingSuspected: false, previousAt: null, daysApart: null,
    });
  });

  it('quotes Google\'s description of the dead token, as the probe\'s alert does', async () => {
    const { start, burst } = await setUp();

    const only = await burst(new Date(start.getTime() + hour), deadToken, { quiet: false });

    expect(only?.detail).toMatchObject({
      error: 'invalid_grant', description: 'Token has been expired or revoked.',
    });
  });

  it('counts only dead tokens: a rejected client a week before is no previous time',
    async () => {
      const { start, burst } = await setUp();
      await burst(new Date(start.getTime() + hour), rejectedClient);

      const second = await burst(new Date(start.getTime() + hour + 7 * day));

      expect(second?.detail).toMatchObject({ testingSuspected: false, previousAt: null });
    });

  it('notes a dead token that follows a rejected client in one live alert', async () => {
    const { start, burst, tokenAlerts } = await setUp();
    await burst(new Date(start.getTime() + hour));
    const later = new Date(start.getTime() + hour + 7 * day);
    await burst(later, rejectedClient, { quiet: false });

    const before = await tokenAlerts('open');

    const after = await burst(new Date(later.getTime() + 30 * minute), deadToken, {
      quiet: false,
    });

    expect(before[0]?.detail).toBeNull();
    expect(after?.id).toBe(before[0]?.id);
    expect(after?.detail).toMatchObject({ testingSuspected: true, daysApart: 7 });
  });

  it('guesses nothing about Testing for a rejected client a week after a dead token',
    async () => {
      const { start, burst } = await setUp();
      await burst(new Date(start.getTime() + hour));

      const second = await burst(new Date(start.getTime() + hour + 7 * day), rejectedClient);

      expect(second?.card).toBe('3.2');
      expect(second?.detail).toBeNull();
    });
});
