import type { Alert, Schedule } from '@turno/shared';
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '../stores/session.ts';
import { mountApp } from '../test-utils.ts';
import AlertPage from './AlertPage.vue';

const alert: Alert = {
  id: 'a-2', category: 'provider-forbidden', card: '2.1', severity: 'high', state: 'open',
  count: 4, functions: [{ name: 'linde-mix-get-events', count: 4 }],
  sources: [{ name: 'MIX', count: 4 }],
  firstSeen: '2026-03-02T17:40:00.000Z', lastSeen: '2026-03-02T17:58:00.000Z',
  openedAt: '2026-03-02T17:45:00.000Z', acknowledgedAt: null, acknowledgedBy: null,
  resolvedAt: null, resolvedBy: null, samples: ['Request failed with status code 403'],
  key: 'provider-forbidden:MIX', origin: 'sync-error', probe: null,
  detail: { provider: 'MIX' }, resources: ['linde-mix-get-events'], reopened: 0,
  reopenedAt: null, reopenedAfterBy: null,
};

/** The schedules API, keeping the state each pause or resume leaves. */
function fakeApi() {
  const events: Schedule = {
    group: 'default', name: 'linde-mix-get-events', state: 'ENABLED',
    function: 'linde-mix-get-events', managed: true,
    targetArn: 'arn:aws:lambda:us-east-1:111122223333:function:linde-mix-get-events',
    description: null, lastModified: null, endDate: null, firesNever: false,
  };
  const changes: Array<{ url: string; key: string | undefined }> = [];
  const fetcher = vi.fn(async (input: string, init?: RequestInit) => {
    const path = new URL(input, 'http://turno.test').pathname;
    if (init?.method === 'POST' && path.startsWith('/api/schedules/')) {
      const headers = init.headers as Record<string, string>;
      changes.push({ url: path, key: headers['Idempotency-Key'] });
      events.state = path.endsWith('/pause') ? 'DISABLED' : 'ENABLED';
      return Response.json({ schedule: events, audit: {}, replayed: false });
    }
    if (path === '/api/alerts/a-2') return Response.json(alert);
    if (path === '/api/schedules') return Response.json([events]);
    return new Response('{"error":{"code":"not_found","message":"x"}}', { status: 404 });
  });
  return { fetcher, changes };
}

describe('AlertPage for a provider\'s credentials', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it('pauses the provider\'s schedule after confirming, then reminds to resume it (2.1.5)',
    async () => {
      const api = fakeApi();
      vi.stubGlobal('fetch', api.fetcher);
      const { wrapper, pinia } = mountApp(AlertPage, { props: { id: 'a-2' } });
      useSessionStore(pinia).start({
        token: 't', role: 'operator', user: 'operador',
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      });
      await flushPromises();

      expect(wrapper.get('[data-testid="alert-provider"]').text()).toContain('Proveedor MIX');
      expect(wrapper.findAll('[data-testid="btn-pause-schedule"]')).toHaveLength(0);
      expect(wrapper.find('[data-testid="provider-resume-reminder"]').exists()).toBe(false);

      await wrapper.get('[data-testid="btn-provider-pause"]').trigger('click');
      await wrapper.get('[data-testid="confirm-accept"]').trigger('click');
      await flushPromises();

      expect(api.changes).toEqual([{
        url: '/api/schedules/default/linde-mix-get-events/pause', key: expect.any(String),
      }]);
      expect(wrapper.get('[data-testid="provider-resume-reminder"]').text())
        .toContain('linde-mix-get-events sigue en pausa');
      expect(wrapper.get('[data-testid="btn-provider-resume"]').text())
        .toBe('Reanudar linde-mix-get-events');
    });
});
