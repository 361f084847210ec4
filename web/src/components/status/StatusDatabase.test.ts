import type { StatusResponse } from '@turno/shared';
import { describe, expect, it } from 'vitest';
import { mountApp } from '../../test-utils.ts';
import StatusDatabase from './StatusDatabase.vue';

type Database = StatusResponse['databases'][number];

function database(status: string): Database {
  return {
    id: 'up-prod', role: 'primary', status, cpuPercent: 12, connections: 40,
    allocatedStorageGiB: 100, freeStorageGiB: 30, freeStoragePercent: 30,
    replicaLagSeconds: null,
  };
}

function badge(status: string): string {
  const { wrapper } = mountApp(StatusDatabase, { props: { database: database(status) } });
  return wrapper.get('[data-testid="database-status"]').text();
}

describe('StatusDatabase', () => {
  it.each([
    ['available', 'disponible'],
    ['storage-full', 'almacenamiento lleno'],
    ['backing-up', 'respaldando'],
    ['storage-optimization', 'optimizando almacenamiento'],
  ])('translates the RDS status %s', (status, spanish) => {
    expect(badge(status)).toBe(spanish);
  });

  it('shows a status RDS adds later exactly as AWS names it', () => {
    expect(badge('storage-config-upgrade-pending')).toBe('storage-config-upgrade-pending');
  });
});
