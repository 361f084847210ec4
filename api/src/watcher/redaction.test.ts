import { afterEach, describe, expect, it } from 'vitest';
import { listAlerts } from '../alerts/alert-store.ts';
import { createApp } from '../app.ts';
import {
  bearer, createTestDeps, signIn, type RecordingPusher, type TestDeps,
} from '../testing/index.ts';
import { insertSyncError } from './fixtures.ts';
import { runWatcherOnce } from './run.ts';

const minute = 60_000;
const headerToken = 'ZZSECRETa1b2c3';
const password = 'L1nd3-Fl0tas!';
const accessToken = 'ya29.a0AfB_byC1d2E3f4G5h6I7j8K9l0M';
const secrets = [headerToken, password, accessToken];

// Three 401s from MiX whose answers repeat the credentials their requests carried.
const dumps = [
  { config: { headers: { Authorization: `Bearer ${headerToken}` } },
    data: { message: `Invalid token ${headerToken}` } },
  { config: { auth: { username: 'linde', password } },
    data: `{"Message":"user linde with password ${password} is locked"}` },
  { config: { url: 'https://integrate.uat.mixtelematics.com/api/assets' },
    data: { message: `token ${accessToken} expired` } },
].map(({ config, data }) => ({
  message: 'Request failed with status code 401',
  name: 'AxiosError',
  code: 'ERR_BAD_REQUEST',
  status: 401,
  config,
  response: { status: 401, data },
}));

let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

async function withEchoedSecrets() {
  deps = await createTestDeps();
  const d = deps;
  await runWatcherOnce(d);
  const now = Date.now();
  for (const [index, jsonData] of dumps.entries()) {
    await insertSyncError(d.statePool, {
      jsonData, at: new Date(now - (3 - index) * minute), functionName: 'linde-mix-get-events',
    });
  }
  const { opened } = await runWatcherOnce(d);
  const app = createApp(d);
  const headers = bearer(await signIn(app, 'observador'));
  return { d, app, headers, id: opened[0] ?? '' };
}

function expectNoSecret(output: string): void {
  for (const secret of secrets) expect(output).not.toContain(secret);
}

describe('secrets a Sync_error dump echoes', () => {
  it('never reach the stored rows, the alert, its samples or the push', async () => {
    const { d, app, headers, id } = await withEchoedSecrets();

    const stored = await d.statePool.query(
      'SELECT to_jsonb(s)::text AS row FROM turno.seen_errors s',
    );
    const alerts = await listAlerts(d.statePool, d.config.dataSources);
    const shown = await app.request(`/api/alerts/${id}`, { headers });
    const pushed = (d.pusher as RecordingPusher).sent;

    expect(stored.rows).toHaveLength(3);
    expect(alerts[0]).toMatchObject({ category: 'provider-unauthorized', count: 3 });
    expect(alerts[0]?.samples).toContainEqual(expect.stringContaining('Invalid token [redacted]'));
    expect(pushed).toHaveLength(1);
    expectNoSecret(JSON.stringify(stored.rows));
    expectNoSecret(JSON.stringify(alerts));
    expectNoSecret(await shown.text());
    expectNoSecret(JSON.stringify(pushed));
  });
});
