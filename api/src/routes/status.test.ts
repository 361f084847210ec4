import { afterEach, describe, expect, it } from 'vitest';
import { statusResponse } from '@turno/shared';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { bearer, createTestDeps, signIn, type TestDeps } from '../testing/index.ts';
import { copySampleRows } from '../watcher/fixtures.ts';
import { runWatcherOnce } from '../watcher/run.ts';

let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

describe('GET /api/status', () => {
  it('shows the sandbox, live alerts, databases, paused schedules and the last watcher run',
    async () => {
      deps = await createTestDeps();
      await runWatcherOnce(deps);
      await copySampleRows(deps.statePool, 6, 20, new Date());
      const { opened } = await runWatcherOnce(deps);
      await deps.statePool.query(`UPDATE turno.alerts SET state = 'acknowledged'`);
      const app = createApp(deps);

      const response = await app.request('/api/status', {
        headers: bearer(await signIn(app, 'observador')),
      });

      expect(response.status).toBe(200);
      const status = statusResponse.parse(await response.json());
      expect(status.sandbox).toBe(true);
      expect(status.openAlerts.map((alert) => alert.id)).toEqual(opened);
      expect(status.databases.map((db) => db.id))
        .toEqual(['flotas-develop', 'flotas-develop-replica']);
      expect(status.databases[0]?.cpuPercent).toBeGreaterThan(0);
      expect(status.databases[0]).toMatchObject({
        allocatedStorageGiB: 100, replicaLagSeconds: null,
      });
      expect(status.databases[0]?.freeStoragePercent).toBeCloseTo(18, 0);
      expect(status.databases[1]?.replicaLagSeconds).not.toBeNull();
      expect(status.pausedSchedules.map((s) => s.name).sort())
        .toEqual(['lide-mix-get-assets', 'up_update_active_positions']);
      expect(status.watcher.lastRunAt).not.toBeNull();
      expect(status.watcher.lastError).toBeNull();
      expect(status.watcher.intervalSeconds).toBe(deps.config.watchIntervalSeconds);
    });

  it('lists each alert with its functions, leaving samples and sources to its own page',
    async () => {
      deps = await createTestDeps();
      await runWatcherOnce(deps);
      await copySampleRows(deps.statePool, 6, 20, new Date());
      await runWatcherOnce(deps);
      const app = createApp(deps);

      const response = await app.request('/api/status', {
        headers: bearer(await signIn(app, 'observador')),
      });

      const [alert] = ((await response.json()) as { openAlerts: object[] }).openAlerts;
      expect(alert).toMatchObject({ card: '4.1', count: 15 });
      expect(alert).toHaveProperty('functions', expect.arrayContaining([
        { name: 'linde-guardian-positions', count: 3 },
      ]));
      expect(alert).not.toHaveProperty('samples');
      expect(alert).not.toHaveProperty('sources');
    });

  it('gives the CPU red line and low-storage share it is configured with, for Estado to flag',
    async () => {
      const estado = async (env: Record<string, string>) => {
        deps = await createTestDeps({ config: loadConfig({ DEV_SIGN_IN: 'on', ...env }).app });
        const app = createApp(deps);
        const response = await app.request('/api/status', {
          headers: bearer(await signIn(app, 'observador')),
        });
        await deps.close();
        deps = undefined;
        return statusResponse.parse(await response.json()).databaseThresholds;
      };

      const configured = await estado({
        RDS_CPU_RED_LINE_PERCENT: '70', RDS_STORAGE_LOW_PERCENT: '15.5',
      });
      const runbook = await estado({});

      expect(configured).toEqual({ cpuRedLinePercent: 70, storageLowPercent: 15.5 });
      expect(runbook).toEqual({ cpuRedLinePercent: 80, storageLowPercent: 10 });
    });

  it('shows no watcher run before the first one', async () => {
    deps = await createTestDeps();
    const app = createApp(deps);

    const response = await app.request('/api/status', {
      headers: bearer(await signIn(app, 'observador')),
    });

    const status = statusResponse.parse(await response.json());
    expect(status.watcher.lastRunAt).toBeNull();
    expect(status.openAlerts).toEqual([]);
  });
});
