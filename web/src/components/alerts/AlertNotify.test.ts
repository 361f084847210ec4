import type { Alert, AlertNotify as Notify } from '@turno/shared';
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountApp } from '../../test-utils.ts';
import AlertNotify from './AlertNotify.vue';

function alert(state: Alert['state'] = 'open'): Alert {
  return {
    id: 'a-1', category: 'database-disk-full', card: '4.1', severity: 'critical', state,
    count: 3, functions: [], sources: [], firstSeen: '2026-12-03T19:00:00.000Z',
    lastSeen: '2026-12-03T19:30:00.000Z', openedAt: '2026-12-03T19:00:00.000Z',
    acknowledgedAt: null, acknowledgedBy: null, resolvedAt: null, resolvedBy: null,
    samples: [], key: 'database-disk-full', origin: 'sync-error', probe: null, detail: null,
    resources: [], reopened: 0,
    reopenedAt: null, reopenedAfterBy: null,
  };
}

const notify: Notify = {
  alertId: 'a-1', snoozedUntil: null, snoozedBy: null, heldUntil: null,
  nextStepAt: '2026-12-03T19:05:00.000Z',
  notifications: [{
    user: 'ana', step: 0, kind: 'alert', outcome: 'sent', delivered: 2,
    at: '2026-12-03T19:00:00.000Z',
  }],
};

function serve(answers: { get?: Notify; put?: Response }) {
  const calls: Array<{ method: string; body: unknown }> = [];
  vi.stubGlobal('fetch', vi.fn(async (_url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    calls.push({ method, body: init?.body ? JSON.parse(String(init.body)) : null });
    if (method === 'PUT' && answers.put) return answers.put;
    return Response.json(answers.get ?? notify);
  }));
  return calls;
}

describe('AlertNotify', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists who was told and when the next reminder comes, in Mexico City time', async () => {
    serve({});

    const { wrapper } = mountApp(AlertNotify, { props: { alert: alert(), canAct: true } });
    await flushPromises();

    expect(wrapper.get('[data-testid="alert-notifications"]').text())
      .toMatch(/3 dic 2026, 1:00\s?p\.m\. · ana · alerta · entregada/);
    expect(wrapper.get('[data-testid="alert-next-step"]').text()).toMatch(/1:05\s?p\.m\./);
  });

  it('snoozes for the chosen time and shows until when', async () => {
    const snoozed = { ...notify, snoozedUntil: '2026-12-03T20:00:00.000Z', snoozedBy: 'operador' };
    const calls = serve({ put: Response.json(snoozed) });
    const { wrapper } = mountApp(AlertNotify, { props: { alert: alert(), canAct: true } });
    await flushPromises();

    await wrapper.get('[data-testid="btn-snooze"][data-minutes="60"]').trigger('click');
    await flushPromises();

    expect(calls.at(-1)).toEqual({ method: 'PUT', body: { minutes: 60 } });
    expect(wrapper.get('[data-testid="alert-snoozed"]').text())
      .toMatch(/Pospuesta hasta 3 dic 2026, 2:00\s?p\.m\. por operador/);
    expect(wrapper.find('[data-testid="btn-unsnooze"]').exists()).toBe(true);
  });

  it('shows the API’s refusal as a translated message', async () => {
    serve({
      put: Response.json(
        { error: { code: 'alert_already_acknowledged', message: 'x' } }, { status: 409 },
      ),
    });
    const { wrapper } = mountApp(AlertNotify, { props: { alert: alert(), canAct: true } });
    await flushPromises();

    await wrapper.get('[data-testid="btn-snooze"]').trigger('click');
    await flushPromises();

    expect(wrapper.get('[role="alert"]').text()).toMatch(/ya está reconocida/);
  });

  it.each([
    ['a viewer', alert(), false],
    ['an acknowledged alert', alert('acknowledged'), true],
  ])('offers no snooze to %s', async (_name, value, canAct) => {
    serve({});

    const { wrapper } = mountApp(AlertNotify, { props: { alert: value, canAct } });
    await flushPromises();

    expect(wrapper.find('[data-testid="btn-snooze"]').exists()).toBe(false);
  });

  it('says a maintenance window holds the alert', async () => {
    serve({ get: { ...notify, heldUntil: '2026-12-03T21:00:00.000Z' } });

    const { wrapper } = mountApp(AlertNotify, { props: { alert: alert(), canAct: true } });
    await flushPromises();

    expect(wrapper.get('[data-testid="alert-held"]').text()).toMatch(/3:00\s?p\.m\./);
  });
});
