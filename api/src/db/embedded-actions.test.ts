import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditEntrySchema, scheduleSchema, type AuditEntry } from '@turno/shared';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { createRuntime, type Runtime } from '../runtime.ts';
import { bearer, signIn } from '../testing/index.ts';

const schedule = 'default/linde-mix-get-positions';

/** What `npm start` runs with no configuration: PGlite, one connection, the sandbox cloud. */
describe('actions on the embedded database and the sandbox cloud', () => {
  const dirs: string[] = [];
  let runtime: Runtime | undefined;
  afterEach(async () => {
    await runtime?.close();
    runtime = undefined;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  async function start(dataDir: string) {
    await runtime?.close();
    const config = loadConfig({ TURNO_DATA_DIR: dataDir, DEV_SIGN_IN: 'on' });
    runtime = await createRuntime(config, createLogger({ level: 'silent' }));
    const app = createApp(runtime.deps);
    const as = async (user: string) => bearer(await signIn(app, user));
    const send = async (user: string, method: string, path: string, body?: unknown) => {
      const headers = { ...await as(user), 'content-type': 'application/json' };
      const payload = body === undefined ? {} : { body: JSON.stringify(body) };
      const response = await app.request(path, { method, headers, ...payload });
      return { status: response.status, body: await response.json() as Record<string, unknown> };
    };
    const audit = async () => {
      const { body } = await send('observador', 'GET', '/api/audit');
      return (body as unknown as unknown[]).map((entry) => auditEntrySchema.parse(entry));
    };
    const stateOf = async (target: string) => {
      const { body } = await send('observador', 'GET', '/api/schedules');
      const found = (body as unknown as unknown[]).map((item) => scheduleSchema.parse(item))
        .find((item) => `${item.group}/${item.name}` === target);
      return found?.state;
    };
    return { deps: runtime.deps, send, audit, stateOf };
  }

  function tempDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'turno-embedded-actions-'));
    dirs.push(dir);
    return dir;
  }

  const outcomes = (entries: AuditEntry[]) =>
    entries.map(({ action, target, outcome }) => ({ action, target, outcome }));

  it('pauses a schedule, keeps it paused across a restart, and resumes it', async () => {
    const dir = tempDir();
    const first = await start(dir);

    const paused = await first.send('operador', 'POST', `/api/schedules/${schedule}/pause`);
    const second = await start(dir);
    const stateAfterRestart = await second.stateOf(schedule);
    const resumed = await second.send('operador', 'POST', `/api/schedules/${schedule}/resume`);
    const third = await start(dir);

    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({
      schedule: { state: 'DISABLED' }, audit: { outcome: 'ok' },
    });
    expect(stateAfterRestart).toBe('DISABLED');
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({ schedule: { state: 'ENABLED' } });
    expect(await third.stateOf(schedule)).toBe('ENABLED');
    expect(outcomes(await third.audit())).toEqual([
      { action: 'schedule.resume', target: schedule, outcome: 'ok' },
      { action: 'schedule.pause', target: schedule, outcome: 'ok' },
    ]);
  });

  it('grows storage, flushes the pm2 logs, sets log retention and resolves an alert', async () => {
    const { deps, send, audit } = await start(tempDir());
    const { rows } = await deps.statePool.query<{ id: string }>(
      `INSERT INTO turno.alerts (dedup_key, category, card, severity, state, count, first_seen,
          last_seen, active_at, opened_at, origin)
        VALUES ('disk-full', 'disk-full', '4.1', 'critical', 'open', 1, now(), now(), now(),
          now(), 'sync-error')
        RETURNING id::text AS id`,
    );

    const grown = await send('admin', 'POST', '/api/databases/flotas-develop/grow-storage',
      { confirm: 'flotas-develop' });
    const flushed = await send('operador', 'POST', '/api/cron-host/commands',
      { kind: 'pm2-flush' });
    const retention = await send('admin', 'PUT', '/api/logs/retention', { days: 30 });
    const resolved = await send('operador', 'POST', `/api/alerts/${rows[0]?.id}/resolve`);

    expect([grown.status, flushed.status, retention.status, resolved.status])
      .toEqual([200, 202, 200, 200]);
    expect(outcomes(await audit()).map(({ action, outcome }) => `${action} ${outcome}`)).toEqual([
      'alert.resolve ok', 'logs.retention ok', 'cron-host.pm2-flush ok',
      'database.grow-storage ok',
    ]);
  });
});
