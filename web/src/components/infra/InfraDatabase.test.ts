import type { Database } from '@turno/shared';
import { describe, expect, it } from 'vitest';
import { mountApp } from '../../test-utils.ts';
import InfraDatabase from './InfraDatabase.vue';

function database(growStorage: Partial<Database['growStorage']> = {}): Database {
  return {
    id: 'flotas-develop', role: 'primary', status: 'storage-optimization', cpuPercent: 8.38,
    connections: 7, allocatedStorageGiB: 110, freeStorageGiB: 28, freeStoragePercent: 25.5,
    replicaLagSeconds: null, replicaOf: null, instanceClass: 'db.t4g.large', engine: 'postgres',
    zone: 'us-east-1c', maxAllocatedStorageGiB: null, storageType: 'gp3', iops: 3000,
    pendingModifiedValues: {},
    growStorage: {
      allowed: false, reason: 'storage_optimizing', suggestedGiB: 121, allowedFrom: null,
      ...growStorage,
    },
  };
}

describe('InfraDatabase', () => {
  it('disables growing with the reason in words, and shows free storage in GiB and %', () => {
    const { wrapper } = mountApp(InfraDatabase, {
      props: { database: database(), isAdmin: true },
    });

    expect(wrapper.get('[data-testid="btn-grow-storage"]').attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-testid="grow-why"]').text()).toBe(
      'RDS todavía está optimizando el último cambio de almacenamiento; espera a que termine.',
    );
    expect(wrapper.get('[data-testid="database-free"]').text()).toBe('28 GiB (25.5 %)');
  });

  it('lets an admin start growing an instance that allows it', async () => {
    const allowed = database({ allowed: true, reason: null });
    const { wrapper } = mountApp(InfraDatabase, { props: { database: allowed, isAdmin: true } });

    await wrapper.get('[data-testid="btn-grow-storage"]').trigger('click');

    expect(wrapper.emitted('grow')).toEqual([[allowed]]);
  });

  it('tells anyone but an admin that only an admin can grow storage', () => {
    const allowed = database({ allowed: true, reason: null });
    const { wrapper } = mountApp(InfraDatabase, { props: { database: allowed, isAdmin: false } });

    expect(wrapper.get('[data-testid="btn-grow-storage"]').attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-testid="grow-why"]').text())
      .toBe('Solo un administrador puede aumentar el almacenamiento.');
  });
});
