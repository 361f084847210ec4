import { afterEach, describe, expect, it } from 'vitest';
import type { Pool } from 'pg';
import { listAlerts } from '../../alerts/alert-store.ts';
import type { TestDeps } from '../../testing/index.ts';
import { listProbeRuns } from '../probe-store.ts';
import { runDueProbes } from '../run-probes.ts';
import { recurrence } from './gmail-recurrence.ts';
import { googleBodies } from './sandbox.ts';
import { startFakePeer, type FakePeer } from './testing/fake-peer.ts';
import { gmailSecret, messagingDeps, peerConfig } from './testing/messaging-deps.ts';

const day = 86_400_000;
let peer: FakePeer | undefined;
let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  await peer?.close();
  deps = undefined;
  peer = undefined;
});

async function setUp() {
  peer = await startFakePeer();
  const now = new Date('2026-03-09T15:00:00Z');
  deps = await messagingDeps(['gmail'], { messaging: peerConfig(peer.url), now: () => now });
  return { peer, deps, now };
}

const deadToken = 'invalid_grant: Token has been expired or revoked.';
let syncErrorId = 900_000;

/**
 * A gmail-token alert of the past, opened `daysAgo` before `now` and resolved a day later:
 * from Sync_error with `text` on its first row, or from the probe with `probeError`.
 */
async function pastTokenAlert(
  pool: Pool, now: Date, daysAgo: number,
  cause: { text: string } | { probeError: string } = { text: deadToken },
) {
  const opened = new Date(now.getTime() - daysAgo * day);
  const probe = 'probeError' in cause;
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO turno.alerts (dedup_key, category, card, severity, state, count, first_seen,
        last_seen, active_at, opened_at, resolved_at, resolved_by, origin, probe, detail)
      VALUES ('gmail-token', 'gmail-token', '3.2', 'high', 'resolved', 3, $1, $1, $1, $1, $2,
        'watcher', $3, $4, $5) RETURNING id::text AS id`,
    [opened, new Date(opened.getTime() + day), probe ? 'probe' : 'sync-error',
      probe ? 'gmail' : null, probe ? { error: cause.probeError } : null],
  );
  if (probe) return;
  syncErrorId += 1;
  await pool.query(
    `INSERT INTO turno.seen_errors (sync_error_id, category, card, severity, function_name,
        created_at, text, alert_id)
      VALUES ($1, 'gmail-token', '3.2', 'high', 'up-send-mail', $2, $3, $4::uuid)`,
    [syncErrorId, opened, cause.text, rows[0]?.id],
  );
}

describe('the Gmail probe against a server that answers as Google\'s token endpoint', () => {
  it('posts the refresh grant as a form and is healthy when a token comes back', async () => {
    const { peer: p, deps: d, now } = await setUp();
    p.answer('/token', { json: googleBodies.granted });

    await runDueProbes(d, now);

    const [request] = p.requests;
    expect(request?.method).toBe('POST');
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({
      grant_type: 'refresh_token', client_id: 'client-1', ...{
        client_secret: gmailSecret.clientSecret, refresh_token: gmailSecret.refreshToken,
      },
    });
    const [run] = await listProbeRuns(d.statePool);
    expect(run).toMatchObject({ outcome: 'ok', summary: { token: 'ok', expiresIn: 3599 } });
    expect(JSON.stringify(run)).not.toContain('sandbox-access');
  });

  it('opens card 3.2 on invalid_grant with Google\'s description, first time: no pattern',
    async () => {
      const { peer: p, deps: d, now } = await setUp();
      p.answer('/token', { status: 400, json: googleBodies.invalidGrant });

      await runDueProbes(d, now);

      const [alert] = await listAlerts(d.statePool, d.config.dataSources);
      expect(alert).toMatchObject({
        key: 'gmail-token', category: 'gmail-token', card: '3.2',
        detail: {
          error: 'invalid_grant', description: 'Token has been expired or revoked.',
          previousAt: null, daysApart: null, testingSuspected: false,
        },
      });
    });

  it('says the app is probably in Testing when invalid_grant comes back a week later',
    async () => {
      const { peer: p, deps: d, now } = await setUp();
      await pastTokenAlert(d.statePool, now, 7);
      p.answer('/token', { status: 400, json: googleBodies.invalidGrant });

      await runDueProbes(d, now);

      const alerts = await listAlerts(d.statePool, d.config.dataSources, ['open']);
      expect(alerts[0]?.detail).toMatchObject({ testingSuspected: true, daysApart: 7 });
    });

  it.each([
    ['a rejected client in Sync_error',
      { text: 'invalid_client: The OAuth client was not found.' }],
    ['missing scopes', { text: 'Request had insufficient authentication scopes.' }],
    ['a Google 401', { text: 'Request failed with status code 401 (gmail.googleapis.com)' }],
    ['the probe\'s rejected client', { probeError: 'invalid_client' }],
  ])('does not count %s a week ago as the token dying before', async (_cause, cause) => {
    const { peer: p, deps: d, now } = await setUp();
    await pastTokenAlert(d.statePool, now, 7, cause);
    p.answer('/token', { status: 400, json: googleBodies.invalidGrant });

    await runDueProbes(d, now);

    const alerts = await listAlerts(d.statePool, d.config.dataSources, ['open']);
    expect(alerts[0]?.detail).toMatchObject({
      testingSuspected: false, previousAt: null, daysApart: null,
    });
  });

  it('counts a dead token the probe saw a week ago, as one in Sync_error', async () => {
    const { peer: p, deps: d, now } = await setUp();
    await pastTokenAlert(d.statePool, now, 7.5, { probeError: 'invalid_grant' });
    p.answer('/token', { status: 400, json: googleBodies.invalidGrant });

    await runDueProbes(d, now);

    const alerts = await listAlerts(d.statePool, d.config.dataSources, ['open']);
    expect(alerts[0]?.detail).toMatchObject({ testingSuspected: true, daysApart: 7.5 });
  });

  it('does not suspect Testing when the last time was three days ago', async () => {
    const { peer: p, deps: d, now } = await setUp();
    await pastTokenAlert(d.statePool, now, 3);
    p.answer('/token', { status: 400, json: googleBodies.invalidGrant });

    await runDueProbes(d, now);

    const alerts = await listAlerts(d.statePool, d.config.dataSources, ['open']);
    expect(alerts[0]?.detail).toMatchObject({ testingSuspected: false, daysApart: 3 });
  });

  it('opens card 3.2 for a rejected client too, without guessing about Testing', async () => {
    const { peer: p, deps: d, now } = await setUp();
    p.answer('/token', {
      status: 401,
      json: { error: 'invalid_client', error_description: 'The OAuth client was not found.' },
    });

    await runDueProbes(d, now);

    const [alert] = await listAlerts(d.statePool, d.config.dataSources);
    expect(alert?.detail).toEqual({
      error: 'invalid_client', description: 'The OAuth client was not found.',
    });
  });

  it('fails the run, secrets kept out, when Google answers 503', async () => {
    const { peer: p, deps: d, now } = await setUp();
    p.answer('/token', { status: 503, json: { error: 'backendError' } });

    const report = await runDueProbes(d, now);

    expect(report.failed).toEqual(['gmail']);
    const [run] = await listProbeRuns(d.statePool);
    expect(run?.lastFailure).toBe('Google token endpoint answered 503 (backendError)');
  });

  it('keeps the client secret and refresh token out of a failure to connect', async () => {
    const { peer: p, deps: d, now } = await setUp();
    await p.close();

    await runDueProbes(d, now);

    const [run] = await listProbeRuns(d.statePool);
    expect(run?.lastFailure).toMatch(/^Google token endpoint did not answer/);
    expect(run?.lastFailure).not.toContain(gmailSecret.refreshToken);
    expect(run?.lastFailure).not.toContain(gmailSecret.clientSecret);
  });
});

describe('recurrence', () => {
  const at = (days: number) => new Date(Date.UTC(2026, 0, 1) + days * day);

  it('counts openings less than a day apart as one episode', () => {
    expect(recurrence([at(0), at(0.2), at(0.5)])).toEqual({
      previousAt: null, daysApart: null, weekly: false,
    });
  });

  it('measures from the start of the episode before, and calls 6–8.5 days weekly', () => {
    expect(recurrence([at(0), at(0.3), at(7.1)])).toMatchObject({ daysApart: 7.1, weekly: true });
    expect(recurrence([at(0), at(9)])).toMatchObject({ daysApart: 9, weekly: false });
    expect(recurrence([at(14), at(0), at(7)])).toMatchObject({
      previousAt: at(7).toISOString(), weekly: true,
    });
  });
});
