import { afterEach, describe, expect, it } from 'vitest';
import { drillsResponse } from '@turno/shared';
import { listAlerts } from '../alerts/alert-store.ts';
import { listAudit } from '../audit/audit-log.ts';
import { createApp } from '../app.ts';
import { createSandboxCloud } from '../cloud/sandbox.ts';
import { listProbeRuns } from '../probes/probe-store.ts';
import { runDueProbes } from '../probes/run-probes.ts';
import { messagingDeps } from '../probes/messaging/testing/messaging-deps.ts';
import { bearer, signIn, testConfig, type TestDeps } from '../testing/index.ts';

let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

async function setUp(options: { aws?: boolean; upApart?: boolean } = {}) {
  const clock = { now: new Date('2026-03-02T16:00:00Z') };
  const cloud = options.aws ? { ...createSandboxCloud(), kind: 'aws' as const } : undefined;
  // UP_DATABASE_URL set beside the sandbox cloud: Sync_error is UP's own table.
  const syncError = { ...testConfig().syncError, inStateDatabase: !options.upApart };
  deps = await messagingDeps(['ultramsg', 'gmail'], {
    now: () => clock.now, ...(cloud ? { cloud } : {}), config: { syncError },
  });
  const app = createApp(deps);
  const as = async (user: string) => bearer(await signIn(app, user));
  const toggle = async (name: string, body: unknown, user = 'operador') =>
    app.request(`/api/drills/${name}`, {
      method: 'POST', headers: { ...await as(user), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  return { deps, app, as, toggle, clock };
}

describe('/api/drills', () => {
  it('lists every drill, all off, to anyone signed in', async () => {
    const { app, as } = await setUp();

    const response = await app.request('/api/drills', { headers: await as('observador') });

    expect(response.status).toBe(200);
    const body = drillsResponse.parse(await response.json());
    expect(body.sandbox).toBe(true);
    expect(body.drills.map((drill) => drill.name)).toContain('whatsapp-logged-out');
    expect(body.drills.every((drill) => !drill.on)).toBe(true);
  });

  it('turns a drill on for an operator, audits it, and the next probe run breaks', async () => {
    const { deps: d, toggle, clock } = await setUp();
    await runDueProbes(d, clock.now);

    const response = await toggle('whatsapp-logged-out', { on: true });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      drill: { name: 'whatsapp-logged-out', on: true, since: clock.now.toISOString() },
    });
    const [entry] = await listAudit(d.statePool, 5);
    expect(entry).toMatchObject({
      action: 'drill.on', target: 'whatsapp-logged-out', actor: 'operador',
      before: { on: false, since: null }, after: { on: true },
    });
    const ultramsg = (await listProbeRuns(d.statePool)).find((run) => run.probe === 'ultramsg');
    expect(ultramsg?.nextRunAt).toBeNull();
    // The same minute: the drill made the probe due instead of waiting five.
    const report = await runDueProbes(d, clock.now);
    expect(report.ran).toEqual(['ultramsg']);
    const [alert] = await listAlerts(d.statePool, d.config.dataSources, ['open']);
    expect(alert).toMatchObject({ category: 'whatsapp-logged-out', card: '1.1' });
  });

  it('repairs what it broke once turned off', async () => {
    const { deps: d, toggle, clock } = await setUp();
    await toggle('gmail-invalid-grant', { on: true });
    const broken = await runDueProbes(d, clock.now);
    expect(broken.opened).toHaveLength(1);

    const response = await toggle('gmail-invalid-grant', { on: false });

    expect(await response.json()).toMatchObject({ drill: { on: false, since: null } });
    const repaired = await runDueProbes(d, clock.now);
    expect(repaired.resolved).toEqual(broken.opened);
  });

  it('refuses a viewer with 403 and changes nothing', async () => {
    const { deps: d, toggle } = await setUp();

    const response = await toggle('whatsapp-unpaid', { on: true }, 'observador');

    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect(await listAudit(d.statePool, 5)).toEqual([]);
  });

  it.each([
    ['a body without "on"', 400, 'whatsapp-unpaid', { enabled: true }, 'validation_failed'],
    ['"on" as text', 400, 'whatsapp-unpaid', { on: 'yes' }, 'validation_failed'],
    ['an unknown drill', 404, 'rds-on-fire', { on: true }, 'drill_not_found'],
  ])('answers %s with %i', async (_name, status, drill, body, code) => {
    const { toggle } = await setUp();
    const response = await toggle(drill, body);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error: { code } });
  });

  it('offers the drills that write Sync_error rows only while Sync_error is the sandbox\'s',
    async () => {
      const sandbox = await setUp();
      const names = async (app: typeof sandbox.app, as: typeof sandbox.as) =>
        drillsResponse.parse(await (await app.request('/api/drills', {
          headers: await as('observador'),
        })).json()).drills.map((drill) => drill.name);
      const offered = await names(sandbox.app, sandbox.as);
      await deps?.close();
      const apart = await setUp({ upApart: true });

      const listed = await names(apart.app, apart.as);
      const response = await apart.toggle('guardian-user-blocked', { on: true });

      expect(offered).toEqual(expect.arrayContaining([
        'gmail-saturated', 'guardian-user-blocked', 'mix-password-changed', 'rds-probe-denied',
      ]));
      expect(listed).toContain('rds-probe-denied');
      expect(listed).not.toContain('guardian-user-blocked');
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ error: { code: 'drills_sandbox_only' } });
      expect(await listAudit(apart.deps.statePool, 5)).toEqual([]);
    });

  it('has nothing to break outside the sandbox cloud: empty list, 409 on a toggle', async () => {
    const { app, as, toggle } = await setUp({ aws: true });

    const list = await app.request('/api/drills', { headers: await as('observador') });
    const response = await toggle('whatsapp-logged-out', { on: true });

    expect(await list.json()).toEqual({ sandbox: false, drills: [] });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: 'drills_sandbox_only' } });
  });
});
