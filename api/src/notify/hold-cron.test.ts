import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { cronDiskProbe } from '../probes/infra/cron-disk-probe.ts';
import { pm2Probe } from '../probes/infra/pm2-probe.ts';
import { setUpInfra, type InfraTest } from '../probes/infra/test-setup.ts';
import { bearer, signIn, type RecordingPusher } from '../testing/index.ts';
import { pushNewAlerts } from '../watcher/push-alerts.ts';
import { runEscalation } from './escalate.ts';
import { minutes, setRotation } from './fixtures.ts';

let test: InfraTest | undefined;

afterEach(async () => {
  await test?.deps.close();
  test = undefined;
});

/** The pm2 and cron-disk probes over the sandbox, ana on call, and a window naming `names`. */
async function cronHostWith(names: string[]) {
  test = await setUpInfra((config, wait) => [
    pm2Probe(config.cron, wait), cronDiskProbe(config.cron, wait),
  ]);
  const t = test;
  await setRotation(t.deps.statePool, ['ana'], t.clock.now);
  const app = createApp(t.deps);
  const headers = { ...bearer(await signIn(app, 'admin')), 'content-type': 'application/json' };
  const endsAt = new Date(t.clock.now.getTime() + minutes(60));
  const created = await app.request('/api/maintenance', {
    method: 'POST', headers, body: JSON.stringify({
      startsAt: t.clock.now.toISOString(), endsAt: endsAt.toISOString(),
      resources: names, reason: 'Cambio de disco del cron',
    }),
  });
  expect(created.status).toBe(201);
  t.cloud.cronHost.drills.fillDisk(90);
  t.cloud.cronHost.drills.setProcessStatus('Linde-Ocurrences', 'stopped');
  const pushed = () => (t.deps.pusher as RecordingPusher).sent.map((s) => s.payload.alertId);
  const tick = async () => {
    await pushNewAlerts(t.deps);
    await runEscalation(t.deps);
  };
  const heldUntil = async (id: string) => ((await (await app.request(
    `/api/alerts/${id}/notify`, { headers },
  )).json()) as { heldUntil: string | null }).heldUntil;
  return { t, endsAt, pushed, tick, heldUntil };
}

describe('a maintenance window on the cron host', () => {
  it('holds its disk and pm2 alerts, named by the instance id, until it ends', async () => {
    const { t, endsAt, pushed, tick, heldUntil } = await cronHostWith(
      ['flotas-cron-arc', 'linde-mix-get-events'],
    );

    const { opened } = await t.run();
    await tick();

    expect((await t.alerts()).map((a) => a.category).sort())
      .toEqual(['cron-disk-full', 'pm2-process-down']);
    expect(pushed()).toEqual([]);
    for (const id of opened) expect(await heldUntil(id)).toBe(endsAt.toISOString());

    t.advance(minutes(61));
    await t.run();
    await tick();
    expect(pushed().sort()).toEqual([...opened].sort());
  });

  it('pushes them at once when the window names only the other instance', async () => {
    const { t, pushed, tick, heldUntil } = await cronHostWith(['flotas-application-develop']);

    const { opened } = await t.run();
    await tick();

    expect(pushed().sort()).toEqual([...opened].sort());
    expect(opened).toHaveLength(2);
    for (const id of opened) expect(await heldUntil(id)).toBeNull();
  });
});
