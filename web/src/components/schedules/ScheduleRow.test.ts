import type { Schedule } from '@turno/shared';
import { describe, expect, it } from 'vitest';
import { mountApp } from '../../test-utils.ts';
import ScheduleRow from './ScheduleRow.vue';

function schedule(fields: Partial<Schedule> = {}): Schedule {
  return {
    group: 'up-sync', name: 'linde-mix-get-events', state: 'ENABLED',
    function: 'linde-mix-get-events',
    targetArn: 'arn:aws:lambda:us-east-1:111122223333:function:linde-mix-get-events',
    managed: true, description: null, lastModified: null, endDate: null, firesNever: false,
    ...fields,
  };
}

const ended = { endDate: '2025-01-01T06:00:00.000Z', firesNever: true };

describe('ScheduleRow', () => {
  it.each([
    ['ENABLED', 'la administra: puede pausarla'],
    ['DISABLED', 'la administra: puede reanudarla'],
  ] as const)('says what Turno can do with a managed schedule that is %s', (state, words) => {
    const { wrapper } = mountApp(ScheduleRow, {
      props: { schedule: schedule({ state }), canAct: true },
    });

    expect(wrapper.findAll('.schedule__facts dd').at(-1)?.text()).toBe(words);
  });

  it('shows a schedule past its end date as never running again, not as enabled', () => {
    const { wrapper } = mountApp(ScheduleRow, {
      props: { schedule: schedule(ended), canAct: true },
    });

    expect(wrapper.get('[data-testid="schedule-state"]').text()).toBe('Vencida');
    expect(wrapper.get('[data-testid="schedule-fires-never"]').text())
      .toBe('No volverá a ejecutarse: su fecha de fin ya pasó');
    expect(wrapper.text()).not.toContain('Activa');
    expect(wrapper.text()).toContain('Fecha de fin');
  });

  it('offers no pause for a schedule that never fires, and says how to revive it', async () => {
    const { wrapper } = mountApp(ScheduleRow, {
      props: { schedule: schedule(ended), canAct: true },
    });

    const button = wrapper.get('[data-testid="btn-toggle-schedule"]');
    expect(button.attributes('disabled')).toBeDefined();
    expect(wrapper.get('.schedule__why').text()).toContain('cambia su fecha de fin');
    await button.trigger('click');
    expect(wrapper.emitted('toggle')).toBeUndefined();
  });

  it('shows an enabled schedule with a future end date as enabled, with its end date', () => {
    const { wrapper } = mountApp(ScheduleRow, {
      props: {
        schedule: schedule({ endDate: '2030-01-01T06:00:00.000Z' }), canAct: true,
      },
    });

    expect(wrapper.get('[data-testid="schedule-state"]').text()).toBe('Activa');
    expect(wrapper.find('[data-testid="schedule-fires-never"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('Fecha de fin');
    expect(wrapper.get('[data-testid="btn-toggle-schedule"]').attributes('disabled'))
      .toBeUndefined();
  });

  it('leaves out the end date of a schedule that has none', () => {
    const { wrapper } = mountApp(ScheduleRow, {
      props: { schedule: schedule({ state: 'DISABLED' }), canAct: true },
    });

    expect(wrapper.get('[data-testid="schedule-state"]').text()).toBe('En pausa');
    expect(wrapper.text()).not.toContain('Fecha de fin');
  });

  it('says the end date of a schedule Turno does not manage is unknown', () => {
    const { wrapper } = mountApp(ScheduleRow, {
      props: { schedule: schedule({ managed: false, firesNever: null }), canAct: true },
    });

    expect(wrapper.get('[data-testid="schedule-state"]').text()).toBe('Activa');
    expect(wrapper.get('[data-testid="schedule-end-unknown"]').text())
      .toBe('desconocida: Turno solo la lee en las programaciones que administra');
    expect(wrapper.find('[data-testid="schedule-fires-never"]').exists()).toBe(false);
  });
});
