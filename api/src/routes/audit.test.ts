import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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

async function get(d: TestDeps, query = '') {
  const app = createApp(d);
  return app.request(`/api/audit${query}`, { headers: bearer(await signIn(app, 'observador')) });
}

async function read(d: TestDeps, query = '') {
  const response = await get(d, query);
  return ((await response.json()) as unknown[]).map((row) => auditEntrySchema.parse(row));
}

/** Writes one drill row per time, in the order given; returns their ids. */
async function writeRows(d: TestDeps, times: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const at of times) {
    const entry = await writeAudit(d.statePool, {
      actor: 'operador', role: 'operator', action: 'drill.on', target: 'cron-disk-full',
      before: null, after: null, outcome: 'ok',
    }, new Date(at));
    ids.push(entry.id);
  }
  return ids;
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

  it('pages back with before in disjoint, consecutive pages ordered by time, then id', async () => {
    deps = await createTestDeps();
    // Written out of time order and with a tie, so neither the id nor the time alone orders them.
    const ids = await writeRows(deps, [
      '2026-12-04T10:00:00Z', '2026-12-04T08:00:00Z', '2026-12-04T09:00:00Z',
      '2026-12-04T09:00:00Z', '2026-12-04T11:00:00Z',
    ]);
    const all = (await read(deps)).map((entry) => entry.id);
    const pages: string[][] = [];
    let query = '?limit=2';
    for (let n = 0; n < 4; n += 1) {
      const page = (await read(deps, query)).map((entry) => entry.id);
      pages.push(page);
      query = `?limit=2&before=${page.at(-1) ?? ''}`;
    }

    expect(all).toEqual([ids[4], ids[0], ids[3], ids[2], ids[1]]);
    expect(pages).toEqual([all.slice(0, 2), all.slice(2, 4), all.slice(4), []]);
  });

  it('answers an empty page after a row id it does not have', async () => {
    deps = await createTestDeps();
    const [id] = await writeRows(deps, ['2026-12-04T10:00:00Z']);

    expect(await read(deps, `?before=${Number(id) + 1000}`)).toEqual([]);
  });
});

describe('GET /api/audit with a malformed before', () => {
  let shared: TestDeps;
  beforeAll(async () => {
    shared = await createTestDeps();
    await writeRows(shared, ['2026-12-04T10:00:00Z']);
  });
  afterAll(async () => {
    await shared.close();
  });

  it.each([
    '?before=abc', '?before=-1', '?before=1.5', '?before=', '?before=1;drop',
    '?before=9223372036854775808',
  ])('answers 400 validation_failed for %s', async (query) => {
    const response = await get(shared, query);

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'validation_failed' } });
  });
});
