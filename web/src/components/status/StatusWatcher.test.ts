import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTurnoI18n } from '../../i18n/index.ts';
import { minutesAgo, now } from './probe-fixtures.ts';
import StatusWatcher from './StatusWatcher.vue';

type Locale = 'es-MX' | 'en';

function render(late: boolean | undefined, lastRunAt: string | null, locale: Locale = 'es-MX') {
  const watcher = {
    lastRunAt, lastError: null, intervalSeconds: 30, ...(late === undefined ? {} : { late }),
  };
  return mount(StatusWatcher, {
    props: { watcher }, global: { plugins: [createTurnoI18n(locale)] },
  });
}

describe('StatusWatcher', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(now);
  });
  afterEach(() => vi.useRealTimers());

  it('says how long the watcher has been silent when the server says it is late', () => {
    const late = render(true, minutesAgo(5)).get('[data-testid="watcher-late"]');

    expect(late.text()).toBe('El vigilante no ha corrido desde hace 5 minutos.');
    expect(late.attributes('role')).toBe('alert');
  });

  it('says a late watcher has never run', () => {
    expect(render(true, null).get('[data-testid="watcher-late"]').text())
      .toBe('El vigilante todavía no ha corrido.');
  });

  it.each([[false], [undefined]])('shows no warning when late is %s', (late) => {
    expect(render(late, minutesAgo(5)).find('[data-testid="watcher-late"]').exists())
      .toBe(false);
  });

  it('speaks English too', () => {
    expect(render(true, minutesAgo(5), 'en').get('[data-testid="watcher-late"]').text())
      .toBe('The watcher is late: it last ran 5 minutes ago.');
  });
});
