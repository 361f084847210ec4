import { onTestFinished } from 'vitest';
import { createApp } from '../app.ts';
import { bearer, createTestDeps, signIn } from '../testing/index.ts';
import { copySampleRows } from '../watcher/fixtures.ts';
import { runWatcherOnce } from '../watcher/run.ts';

/** A database where the watcher has opened the disk-full alert; dropped when the test ends. */
export async function withDiskFullAlert() {
  const deps = await createTestDeps();
  onTestFinished(() => deps.close());
  await runWatcherOnce(deps);
  await copySampleRows(deps.statePool, 6, 20, new Date());
  const { opened } = await runWatcherOnce(deps);
  const app = createApp(deps);
  const as = async (user: string) => bearer(await signIn(app, user));
  return { deps, app, as, id: opened[0] ?? '' };
}
