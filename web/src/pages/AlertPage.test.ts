import type { Alert } from '@turno/shared';
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '../stores/session.ts';
import { mountApp } from '../test-utils.ts';
import AlertPage from './AlertPage.vue';

function acknowledged(): Alert {
  return {
    id: 'a-1', category: 'database-disk-full', card: '4.1', severity: 'critical',
    state: 'acknowledged', count: 3, functions: [], sources: [],
    firstSeen: '2026-12-03T19:00:00.000Z', lastSeen: '2026-12-03T19:30:00.000Z',
    openedAt: '2026-12-03T19:00:00.000Z',
    acknowledgedAt: '2026-12-03T19:38:00.000Z', acknowledgedBy: 'operador',
    resolvedAt: null, resolvedBy: null, samples: [],
    key: 'database-disk-full', origin: 'sync-error', probe: null, detail: null,
    resources: [], reopened: 0,
    reopenedAt: null, reopenedAfterBy: null,
  };
}

function serve(routes: Record<string, unknown>) {
  vi.stubGlobal('fetch', vi.fn(async (input: string) => {
    const body = routes[new URL(input, 'http://turno.test').pathname];
    return body === undefined
      ? new Response('{"error":{"code":"not_found","message":"x"}}', { status: 404 })
      : Response.json(body);
  }));
}

describe('AlertPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('ends the acknowledgement sentence once after a p.m. time', async () => {
    serve({ '/api/alerts/a-1': acknowledged(), '/api/schedules': [] });

    const { wrapper } = mountApp(AlertPage, { props: { id: 'a-1' } });
    await flushPromises();

    const line = wrapper.get('[data-testid="alert-acknowledged"]').text();
    expect(line).toMatch(/^Reconocida el 3 dic 2026, 1:38\s?p\.m\. por operador\.$/);
    expect(wrapper.text()).not.toMatch(/\.\./);
  });

  it('says a resolved alert needs no acknowledgement when opened from "Reconocer"', async () => {
    const resolved = { ...acknowledged(), state: 'resolved' as const, acknowledgedBy: null };
    serve({ '/api/alerts/a-1': resolved, '/api/schedules': [] });
    // The alert answers only once the route is there, as when the app opens on that URL.
    let arrived = (): void => undefined;
    const routed = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const answer = globalThis.fetch;
    vi.stubGlobal('fetch', async (input: string) => {
      await routed;
      return answer(input);
    });

    const { wrapper, router, pinia } = mountApp(AlertPage, { props: { id: 'a-1' } });
    useSessionStore(pinia).start({
      token: 't', role: 'operator', user: 'operador', expiresAt: '2099-01-01T00:00:00.000Z',
    });
    await router.push('/alertas/a-1?ack=1');
    arrived();
    await flushPromises();

    expect(wrapper.get('[data-testid="alert-ack-resolved"]').text())
      .toBe('Esa alerta ya está resuelta.');
  });
});
