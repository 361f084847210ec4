import { afterEach, describe, expect, it } from 'vitest';
import { listAlerts } from '../../alerts/alert-store.ts';
import { createSandboxCloud } from '../../cloud/sandbox.ts';
import { createTestDeps, type TestDeps } from '../../testing/index.ts';
import { findDrill, setDrill } from '../drills.ts';
import { runDueProbes } from '../run-probes.ts';
import { messagingProbes } from './index.ts';
import { messagingDeps } from './testing/messaging-deps.ts';

const minute = 60_000;
let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

describe('messaging probes without configuration', () => {
  it('answer from the sandbox in the sandbox cloud, healthy until a drill breaks them',
    async () => {
      const clock = { now: new Date('2026-03-02T16:00:00Z') };
      deps = await messagingDeps(['ultramsg', 'gmail', 'gmail-sending', 'whatsapp-reminder'], {
        now: () => clock.now,
      });
      expect(deps.probes?.map((probe) => probe.name).sort())
        .toEqual(['gmail', 'gmail-sending', 'ultramsg', 'whatsapp-reminder']);

      const healthy = await runDueProbes(deps, clock.now);

      expect(healthy.failed).toEqual([]);
      expect(healthy.opened).toEqual([]);
    });

  it.each([
    ['whatsapp-logged-out', 'whatsapp-logged-out'],
    ['whatsapp-unpaid', 'whatsapp-unpaid'],
    ['whatsapp-wrong-token', 'whatsapp-config'],
    ['whatsapp-standby', 'whatsapp-unhealthy'],
    ['gmail-invalid-grant', 'gmail-token'],
  ])('open the right alert under the %s drill', async (name, category) => {
    const now = new Date('2026-03-02T16:00:00Z');
    const d = await messagingDeps(['ultramsg', 'gmail'], { now: () => now });
    deps = d;
    const drill = findDrill(name);
    if (!drill) throw new Error(`no drill ${name}`);
    await setDrill(d, drill, true, now);

    await runDueProbes(d, now);

    const alerts = await listAlerts(d.statePool, d.config.dataSources, ['open']);
    expect(alerts.map((alert) => alert.category)).toEqual([category]);
  });

  it('grow the sandbox queue under its drill until the early warning opens', async () => {
    const clock = { now: new Date('2026-03-02T16:00:00Z') };
    const d = await messagingDeps(['ultramsg'], { now: () => clock.now });
    deps = d;
    const drill = findDrill('whatsapp-queue-growing');
    if (!drill) throw new Error('no queue drill');
    await setDrill(d, drill, true, clock.now);

    const first = await runDueProbes(d, clock.now);
    clock.now = new Date(clock.now.getTime() + 5 * minute);
    const second = await runDueProbes(d, clock.now);

    expect(first.opened).toEqual([]);
    expect(second.opened).toHaveLength(1);
    const [alert] = await listAlerts(d.statePool, d.config.dataSources, ['open']);
    expect(alert).toMatchObject({ category: 'whatsapp-queue-growing', card: 'T.11' });
  });

  it('do not run on AWS, except the saturation reader that needs only Turno\'s tables',
    async () => {
      deps = await createTestDeps({ cloud: { ...createSandboxCloud(), kind: 'aws' } });
      expect(messagingProbes(deps).map((probe) => probe.name)).toEqual(['gmail-sending']);
    });
});
