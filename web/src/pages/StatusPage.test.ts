import type { DatabaseThresholds, StatusResponse } from '@turno/shared';
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountApp } from '../test-utils.ts';
import StatusPage from './StatusPage.vue';

/** Estado with one database at 75 % CPU and 15 % free storage. */
function status(databaseThresholds?: DatabaseThresholds): StatusResponse {
  return {
    sandbox: false, probes: [], openAlerts: [], pausedSchedules: [],
    databases: [{
      id: 'flotas-develop', role: 'primary', status: 'available', cpuPercent: 75,
      connections: 40, allocatedStorageGiB: 100, freeStorageGiB: 15, freeStoragePercent: 15,
      replicaLagSeconds: null,
    }],
    ...(databaseThresholds ? { databaseThresholds } : {}),
    watcher: { lastRunAt: null, lastError: null, intervalSeconds: 15 },
  };
}

async function estado(body: StatusResponse) {
  vi.stubGlobal('fetch', vi.fn(async () => Response.json(body)));
  const { wrapper } = mountApp(StatusPage);
  await flushPromises();
  const row = wrapper.get('[data-testid="database-row"]');
  return {
    cpuHot: row.get('[data-testid="database-cpu"]').classes().includes('database__fill--hot'),
    freeLow: row.get('[data-testid="database-free-row"]').attributes('data-low'),
    readAt: wrapper.find('[data-testid="cloud-read-at"]'),
    unmount: () => wrapper.unmount(),
  };
}

describe('StatusPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('flags a database by the thresholds the server is configured with', async () => {
    const shown = await estado(status({ cpuRedLinePercent: 70, storageLowPercent: 20 }));

    expect(shown.cpuHot).toBe(true);
    expect(shown.freeLow).toBe('true');
    shown.unmount();
  });

  it('flags a database by the runbook thresholds when an older server sends none', async () => {
    const shown = await estado(status());

    expect(shown.cpuHot).toBe(false);
    expect(shown.freeLow).toBe('false');
    shown.unmount();
  });

  it('says how long ago AWS was read, since on AWS it can be the watcher\'s reading', async () => {
    const readAt = new Date(Date.now() - 45_000).toISOString();
    const shown = await estado({ ...status(), cloudReadAt: readAt });

    expect(shown.readAt.text()).toBe('Leído de AWS hace 45 segundos.');
    expect(shown.readAt.get('time').attributes('datetime')).toBe(readAt);
    shown.unmount();
  });

  it('says nothing of AWS for the sandbox, read live in the server', async () => {
    const readAt = new Date().toISOString();
    const shown = await estado({ ...status(), sandbox: true, cloudReadAt: readAt });

    expect(shown.readAt.exists()).toBe(false);
    shown.unmount();
  });
});
