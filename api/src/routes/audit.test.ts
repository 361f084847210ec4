import { afterEach, describe, expect, it } from 'vitest';
import { auditEntrySchema } from '@turno/shared';
import { createApp } from '../app.ts';
import { writeAudit } from '../audit/audit-log.ts';
import { openAlert } from '../notify/fixtures.ts';
import { bearer, createTestDeps, signIn, type TestDeps } from '../testing/index.ts';

let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

async function read(d: TestDeps) {
  const app = createApp(d);
  const response = await app.request('/api/audit', {
    headers: bearer(await signIn(app, 'observador')),
  });
  return ((await response.json()) as unknown[]).map((row) => auditEntrySchema.parse(row));
}

describe('GET /api/audit', () => {
  it('names a drill in both languages', async () => {
    deps = await createTestDeps();
    await writeAudit(deps.statePool, {
      actor: 'operador', role: 'operator', action: 'drill.on', target: 'cron-disk-full',
      before: { on: false, since: null }, after: { on: true, since: '2026-12-04T08:24:42.764Z' },
      outcome: 'ok',
    }, new Date('2026-12-04T08:24:42.764Z'));

    const [entry] = await read(deps);

    expect(entry?.targetTitle?.es).toMatch(/\S/);
    expect(entry?.targetTitle?.en).toMatch(/\S/);
    expect(entry?.targetTitle?.es).not.toBe('cron-disk-full');
  });

  it('names the cause of the alert a row is about, whatever the row kept of it', async () => {
    deps = await createTestDeps();
    const id = await openAlert(deps.statePool, { at: new Date() });
    await writeAudit(deps.statePool, {
      actor: 'operador', role: 'operator', action: 'alert.snooze', target: `alert/${id}`,
      before: null, after: { snoozedUntil: '2026-12-04T09:00:00.000Z', minutes: 30 },
      outcome: 'ok',
    }, new Date());

    const [entry] = await read(deps);

    expect(entry?.targetTitle).toEqual({
      es: 'Almacenamiento de RDS lleno', en: 'RDS storage full',
    });
  });

  it('hides a secret an older row kept in its before, after or detail', async () => {
    deps = await createTestDeps();
    const url = 'https://api.ultramsg.com/instance1/messages?token=q8w7e6r5t4y3u2i1';
    await writeAudit(deps.statePool, {
      actor: 'admin', role: 'admin', action: 'cron-host.pm2-flush', target: 'i-0abc/pm2',
      before: { note: url }, after: { Authorization: 'Bearer abc.def.ghi' }, outcome: 'failed',
      detail: `ssm command 1: failed (${url})`,
    }, new Date());

    const [entry] = await read(deps);

    expect(JSON.stringify(entry)).not.toMatch(/q8w7e6r5t4y3u2i1|abc\.def\.ghi/);
    expect(entry?.targetTitle).toBeNull();
  });
});
