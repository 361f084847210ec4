import type { Alert } from '@turno/shared';
import { describe, expect, it } from 'vitest';
import { mountApp } from '../../test-utils.ts';
import AlertReopened from './AlertReopened.vue';

function mountWith(alert: Pick<Alert, 'reopened' | 'reopenedAt' | 'reopenedAfterBy'>) {
  return mountApp(AlertReopened, { props: { alert } }).wrapper;
}

describe('AlertReopened', () => {
  it('says who had resolved it and when the errors reopened it', () => {
    const wrapper = mountWith({
      reopened: 1, reopenedAt: '2026-12-04T08:10:00.000Z', reopenedAfterBy: 'admin',
    });

    const text = wrapper.get('[data-testid="alert-reopened"]').text();
    expect(text).toMatch(/^Se abrió otra vez\. El 4 dic 2026, 2:10\s?a\.m\., los errores/);
    expect(text).toMatch(/después de que admin la resolvió; se avisó de nuevo a la guardia\.$/);
  });

  it('says a cause came back after closing by itself, and how many times', () => {
    const wrapper = mountWith({
      reopened: 3, reopenedAt: '2026-12-04T08:10:00.000Z', reopenedAfterBy: null,
    });

    expect(wrapper.get('[data-testid="alert-reopened"]').text())
      .toMatch(/volvió poco después de cerrarse sola\.\s+Van 3 veces\.$/);
  });

  it('shows nothing for an alert that never reopened', () => {
    const wrapper = mountWith({ reopened: 0, reopenedAt: null, reopenedAfterBy: null });

    expect(wrapper.find('[data-testid="alert-reopened"]').exists()).toBe(false);
  });
});
