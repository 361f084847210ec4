import type { PausedSchedule, TurnoPause } from '@turno/shared';
import { mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { createTurnoI18n } from '../../i18n/index.ts';
import { createTurnoRouter } from '../../router.ts';
import { minutesAgo, now } from './probe-fixtures.ts';
import StatusPaused from './StatusPaused.vue';

function paused(name: string, turnoPause: TurnoPause | null): PausedSchedule {
  return {
    group: 'default', name, state: 'DISABLED', function: name,
    targetArn: `arn:aws:lambda:us-east-1:111122223333:function:${name}`, managed: true,
    description: null, lastModified: minutesAgo(300), endDate: null, firesNever: false,
    turnoPause,
  };
}

const schedules = [
  paused('linde-mix-get-events', { since: minutesAgo(5 * 60), by: 'ana', overdue: true }),
  paused('linde-mix-get-positions', { since: minutesAgo(30), by: 'beto', overdue: false }),
  paused('lide-mix-get-assets', null),
];

function render(locale: 'es-MX' | 'en' = 'es-MX', reminderHours: number | undefined = 4) {
  const pinia = createPinia();
  const wrapper = mount(StatusPaused, {
    props: { schedules, reminderHours },
    global: {
      plugins: [pinia, createTurnoRouter(createMemoryHistory(), pinia), createTurnoI18n(locale)],
    },
  });
  const row = (name: string) =>
    wrapper.get(`[data-testid="paused-schedule"][data-name="${name}"]`);
  return { wrapper, row };
}

describe('StatusPaused', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(now);
  });
  afterEach(() => vi.useRealTimers());

  it('says who paused a schedule in Turno and since when, in Mexico City time', () => {
    expect(render().row('linde-mix-get-events').get('[data-testid="paused-by"]').text())
      .toMatch(/^Pausada en Turno por ana hace 5 horas \(2 mar 2026, 7:00\s?a\.m\.\)\.$/);
  });

  it('reminds to resume only a schedule paused longer than the reminder waits', () => {
    const { row } = render();

    expect(row('linde-mix-get-events').get('[data-testid="paused-long"]').text())
      .toBe('Lleva más de 4 h en pausa. Cuando el proveedor reactive la cuenta o lleguen las '
        + 'contraseñas nuevas, reanúdala (paso 2.1.5); mientras tanto Turno se lo recuerda '
        + 'cada 4 h a quien está de guardia.');
    expect(row('linde-mix-get-positions').find('[data-testid="paused-long"]').exists())
      .toBe(false);
  });

  it('labels the date of a schedule paused outside Turno as when its pause began', () => {
    const row = render().row('lide-mix-get-assets');

    expect(row.find('[data-testid="paused-by"]').exists()).toBe(false);
    expect(row.text()).toMatch(/^lide-mix-get-assets · pausada desde 2 mar 2026, 7:00\s?a\.m\.$/);
    expect(render('en').row('lide-mix-get-assets').get('[data-testid="paused-since"]').text())
      .toMatch(/^· paused since Mar 2, 2026/);
  });

  it('links each schedule to Programaciones', () => {
    expect(render().row('linde-mix-get-events').get('a').attributes('href'))
      .toBe('/programaciones#linde-mix-get-events');
  });

  it('speaks English too', () => {
    expect(render('en').row('linde-mix-get-events').get('[data-testid="paused-long"]').text())
      .toMatch(/^Paused for over 4 h\. Once the provider reactivates/);
  });

  it('says none is paused', () => {
    const pinia = createPinia();
    const wrapper = mount(StatusPaused, {
      props: { schedules: [] },
      global: { plugins: [pinia, createTurnoRouter(createMemoryHistory(), pinia),
        createTurnoI18n('es-MX')] },
    });

    expect(wrapper.text()).toBe('Ninguna programación en pausa.');
  });
});
