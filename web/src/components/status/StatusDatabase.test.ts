import type { DatabaseThresholds, StatusResponse } from '@turno/shared';
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

function mounted(readings: Partial<Database>, thresholds?: DatabaseThresholds) {
  const props = { database: { ...database('available'), ...readings }, thresholds };
  return mountApp(StatusDatabase, { props }).wrapper;
}

const hot = (wrapper: ReturnType<typeof mounted>) =>
  wrapper.get('[data-testid="database-cpu"]').classes().includes('database__fill--hot');
const redLineAt = (wrapper: ReturnType<typeof mounted>) =>
  wrapper.get('.database__bar i').attributes('style');
const lowFree = (wrapper: ReturnType<typeof mounted>) =>
  wrapper.get('[data-testid="database-free-row"]').attributes('data-low');

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

  it('draws the CPU hot from the red line it is given, and the line there', () => {
    const thresholds = { cpuRedLinePercent: 70, storageLowPercent: 10 };

    const configured = mounted({ cpuPercent: 75 }, thresholds);
    const runbook = mounted({ cpuPercent: 75 });

    expect(hot(configured)).toBe(true);
    expect(redLineAt(configured)).toContain('left: 70%');
    expect(hot(runbook)).toBe(false);
    expect(redLineAt(runbook)).toContain('left: 80%');
  });

  it('flags free storage under the low share it is given, else under the runbook 10 %', () => {
    const readings = { freeStorageGiB: 15, freeStoragePercent: 15 };

    const configured = mounted(readings, { cpuRedLinePercent: 80, storageLowPercent: 20 });
    const runbook = mounted(readings);

    expect(lowFree(configured)).toBe('true');
    expect(lowFree(runbook)).toBe('false');
  });
});
