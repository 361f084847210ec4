import type { Alert } from '@turno/shared';
import { describe, expect, it } from 'vitest';
import { mountApp } from '../../test-utils.ts';
import { probeAlert } from './alert-fixture.ts';
import AlertCard from './AlertCard.vue';

function diskFull(): Alert {
  return {
    id: 'a-1', category: 'database-disk-full', card: '4.1', severity: 'critical', state: 'open',
    count: 15,
    functions: [
      { name: 'linde-mix-get-events', count: 6 },
      { name: 'linde-guardian-positions', count: 4 },
    ],
    sources: [{ name: 'MIX', count: 11 }, { name: 'Guardian', count: 4 }],
    firstSeen: new Date(Date.now() - 6 * 60_000).toISOString(),
    lastSeen: new Date().toISOString(),
    openedAt: new Date().toISOString(),
    acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, resolvedBy: null, samples: [],
    key: 'database-disk-full', origin: 'sync-error', probe: null, detail: null,
    resources: [], reopened: 0,
    reopenedAt: null, reopenedAfterBy: null,
  };
}

describe('AlertCard', () => {
  it('shows the card number, cause, count and every function', () => {
    const { wrapper } = mountApp(AlertCard, { props: { alert: diskFull() } });

    const item = wrapper.get('[data-testid="alert-item"]');
    expect(item.attributes('data-alert-id')).toBe('a-1');
    expect(item.text()).toContain('4.1');
    expect(item.text()).toContain('Almacenamiento de RDS lleno');
    expect(item.text()).toContain('15 errores');
    const functions = wrapper.get('[data-testid="alert-item-functions"]').text();
    expect(functions).toContain('linde-mix-get-events');
    expect(functions).toContain('linde-guardian-positions');
  });

  it('says an alert came back after it was resolved, and how many times', () => {
    const { wrapper } = mountApp(AlertCard, { props: { alert: { ...diskFull(), reopened: 2 } } });

    expect(wrapper.get('[data-testid="alert-item-reopened"]').text())
      .toBe('Reabierta: volvió 2 veces después de resolverse');
  });

  it('says nothing of reopening for an alert that never came back', () => {
    const { wrapper } = mountApp(AlertCard, { props: { alert: diskFull() } });

    expect(wrapper.find('[data-testid="alert-item-reopened"]').exists()).toBe(false);
  });

  it('counts a probe\'s checks and shows what it read, not a missing function', () => {
    const alert = probeAlert('rds-storage-low', {
      database: 'flotas-develop', freeGiB: 7, allocatedGiB: 100, freePercent: 7,
    }, ['flotas-develop'], '4.1');

    const { wrapper } = mountApp(AlertCard, { props: { alert } });

    const text = wrapper.get('[data-testid="alert-item"]').text();
    expect(text).toContain('2 revisiones');
    expect(text).not.toMatch(/errores|Sin función/);
    expect(wrapper.get('[data-testid="alert-item-functions"]').text())
      .toBe('flotas-develop — libre: 7 GiB de 100 GiB (7\u00a0%).');
  });

  it('words a single error in the singular', () => {
    const { wrapper } = mountApp(AlertCard, { props: { alert: { ...diskFull(), count: 1 } } });

    expect(wrapper.get('[data-testid="alert-item"]').text()).toContain('1 error ·');
  });

  it('says no function was identified for a Sync_error alert without one', () => {
    const { wrapper } = mountApp(AlertCard, {
      props: { alert: { ...diskFull(), functions: [] } },
    });

    expect(wrapper.get('[data-testid="alert-item-functions"]').text())
      .toBe('Sin función identificada');
  });

  it('links to the alert page', () => {
    const { wrapper } = mountApp(AlertCard, { props: { alert: diskFull() } });

    expect(wrapper.get('a').attributes('href')).toBe('/alertas/a-1');
  });
});
