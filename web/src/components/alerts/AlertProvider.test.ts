import type { Alert, Schedule } from '@turno/shared';
import { describe, expect, it } from 'vitest';
import { mountApp } from '../../test-utils.ts';
import AlertProvider from './AlertProvider.vue';
import { providerOf } from './alert-provider.ts';

function schedule(name: string, state: Schedule['state']): Schedule {
  return {
    group: 'default', name, state, function: name, managed: true,
    targetArn: `arn:aws:lambda:us-east-1:111122223333:function:${name}`,
    description: null, lastModified: null, endDate: null, firesNever: false,
  };
}

const alert: Alert = {
  id: 'a-2', category: 'provider-forbidden', card: '2.1', severity: 'high', state: 'open',
  count: 4, functions: [{ name: 'linde-mix-get-events', count: 4 }],
  sources: [{ name: 'MIX', count: 4 }], firstSeen: '2026-03-02T17:40:00.000Z',
  lastSeen: '2026-03-02T17:58:00.000Z', openedAt: '2026-03-02T17:45:00.000Z',
  acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, resolvedBy: null, samples: [],
  key: 'provider-forbidden:MIX', origin: 'sync-error', probe: null, detail: { provider: 'MIX' },
  resources: ['linde-mix-get-events', 'linde-mix-get-positions'], reopened: 0,
  reopenedAt: null, reopenedAfterBy: null,
};

function render(states: Array<Schedule['state']>, canAct = true) {
  const options = ['linde-mix-get-events', 'linde-mix-get-positions'].map((name, i) => ({
    functionName: name, schedule: schedule(name, states[i] ?? 'ENABLED'),
  }));
  const { wrapper } = mountApp(AlertProvider, {
    props: { alert, provider: 'MIX', options, canAct },
  });
  return wrapper;
}

describe('AlertProvider', () => {
  it('names the provider and its functions, and offers to pause each schedule (2.1.3)', () => {
    const wrapper = render(['ENABLED', 'ENABLED']);

    expect(wrapper.text()).toContain('Proveedor MIX');
    expect(wrapper.text()).toContain('linde-mix-get-events, linde-mix-get-positions');
    expect(wrapper.findAll('[data-testid="btn-provider-pause"]').map((b) => b.text())).toEqual([
      'Pausar linde-mix-get-events', 'Pausar linde-mix-get-positions',
    ]);
    expect(wrapper.find('[data-testid="provider-resume-reminder"]').exists()).toBe(false);
  });

  it('reminds to resume what is paused once the credentials are fixed (2.1.5)', async () => {
    const wrapper = render(['DISABLED', 'ENABLED']);

    const reminder = wrapper.get('[data-testid="provider-resume-reminder"]').text();
    expect(reminder).toBe('Recuerda: linde-mix-get-events sigue en pausa. Cuando MIX reactive la '
      + 'cuenta o lleguen las contraseñas nuevas, reanúdala (paso 2.1.5).');
    const resume = wrapper.get('[data-testid="btn-provider-resume"]');
    await resume.trigger('click');
    expect(wrapper.emitted('ask')?.[0]?.[0]).toMatchObject({
      kind: 'resume', schedule: { name: 'linde-mix-get-events' },
    });
  });

  it('speaks of every paused schedule in the plural', () => {
    const wrapper = render(['DISABLED', 'DISABLED']);

    expect(wrapper.get('[data-testid="provider-resume-reminder"]').text())
      .toContain('linde-mix-get-events, linde-mix-get-positions siguen en pausa');
  });

  it('lets a viewer read but not press', () => {
    const wrapper = render(['ENABLED', 'DISABLED'], false);

    for (const button of wrapper.findAll('button')) {
      expect(button.attributes('disabled')).toBeDefined();
    }
  });
});

describe('providerOf', () => {
  it.each([
    ['a blocked user of MIX', 'provider-forbidden', { provider: 'MIX' }, 'MIX'],
    ['a rejected password', 'provider-unauthorized', { provider: 'Guardian' }, 'Guardian'],
    ['a cause that is not per provider', 'rds-cpu-high', { provider: 'x' }, null],
    ['an alert without a provider', 'provider-forbidden', null, null],
  ])('finds %s', (_name, category, detail, expected) => {
    expect(providerOf({ category, detail })).toBe(expected);
  });
});
