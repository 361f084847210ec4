import { createApp } from '../app.ts';
import {
  bearer, createTestDeps, signIn, type RecordingPusher, type TestDeps,
  type TestDepsOptions,
} from '../testing/index.ts';
import { pushNewAlerts } from '../watcher/push-alerts.ts';
import { runEscalation } from './escalate.ts';
import { setRotation } from './fixtures.ts';

/**
 * Test support: the app over fresh deps on the caller's clock, ana then beto on call, what
 * the recording pusher sent, and one watcher tick of pushes and escalation steps.
 */
export async function setUpNotify(now: () => Date, options: TestDepsOptions = {}) {
  const d: TestDeps = await createTestDeps({ now, ...options });
  await setRotation(d.statePool, ['ana', 'beto'], now());
  const app = createApp(d);
  const as = async (user: string) => ({
    ...bearer(await signIn(app, user)), 'content-type': 'application/json',
  });
  const pusher = d.pusher as RecordingPusher;
  const pushedIds = () => pusher.sent.map((s) => s.payload.alertId);
  const kinds = () => pusher.sent.map((s) => s.payload.kind);
  const tick = async () => {
    await pushNewAlerts(d);
    await runEscalation(d);
  };
  return { d, app, as, pushedIds, kinds, tick };
}
