import type { Database, DatabaseThresholds } from '@turno/shared';
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountApp } from '../test-utils.ts';
import InfraPage from './InfraPage.vue';

/** The primary at 75 % CPU and 15 % free storage: fine by the runbook's 80 and 10. */
const primary: Database = {
  id: 'flotas-develop', role: 'primary', status: 'available', cpuPercent: 75, connections: 40,
  allocatedStorageGiB: 100, freeStorageGiB: 15, freeStoragePercent: 15, replicaLagSeconds: null,
  replicaOf: null, instanceClass: 'db.t4g.large', engine: 'postgres', zone: 'us-east-1c',
  maxAllocatedStorageGiB: null, storageType: 'gp3', iops: 3000, pendingModifiedValues: {},
  growStorage: { allowed: true, reason: null, suggestedGiB: 110, allowedFrom: null },
};

/** Infraestructura against an API whose thresholds route answers `thresholds`, or fails. */
async function infra(thresholds: DatabaseThresholds | null) {
  const paths: string[] = [];
  vi.stubGlobal('fetch', vi.fn(async (input: string) => {
    const path = new URL(input, 'http://turno.test').pathname;
    paths.push(path);
    if (path === '/api/databases') return Response.json([primary]);
    if (path === '/api/databases/thresholds' && thresholds) return Response.json(thresholds);
    if (path === '/api/instances') return Response.json([]);
    return Response.json({ error: { code: 'internal', message: 'x' } }, { status: 500 });
  }));
  const { wrapper } = mountApp(InfraPage);
  await flushPromises();
  const row = wrapper.get('[data-testid="database-row"]');
  return {
    cpuHot: row.get('[data-testid="database-cpu"]').classes().includes('database__fill--hot'),
    freeLow: row.get('[data-testid="database-free-row"]').attributes('data-low'),
    fallback: wrapper.find('[data-testid="infra-thresholds-fallback"]'),
    paths,
    wrapper,
  };
}

describe('InfraPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('flags a database by the thresholds the server is configured with', async () => {
    const shown = await infra({ cpuRedLinePercent: 70, storageLowPercent: 20 });

    expect(shown.cpuHot).toBe(true);
    expect(shown.freeLow).toBe('true');
    expect(shown.fallback.exists()).toBe(false);
    shown.wrapper.unmount();
  });

  it('reads the thresholds once, not on every refresh of the readings', async () => {
    const shown = await infra({ cpuRedLinePercent: 70, storageLowPercent: 20 });

    window.dispatchEvent(new Event('focus'));
    await flushPromises();

    const count = (path: string) => shown.paths.filter((p) => p === path).length;
    expect(count('/api/databases')).toBe(2);
    expect(count('/api/databases/thresholds')).toBe(1);
    shown.wrapper.unmount();
  });

  it('says so and flags by the runbook\'s 80 and 10 when the thresholds cannot be read',
    async () => {
      const shown = await infra(null);

      expect(shown.cpuHot).toBe(false);
      expect(shown.freeLow).toBe('false');
      expect(shown.fallback.text()).toBe('No se pudieron leer los límites configurados en Turno: '
        + 'la CPU y el espacio libre se marcan con los del manual '
        + '(80\u00a0% de CPU, 10\u00a0% libre).');
      shown.wrapper.unmount();
    });
});
