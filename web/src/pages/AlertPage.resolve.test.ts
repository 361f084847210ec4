import type { Alert, Role } from '@turno/shared';
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { plainDiskFullAlert } from '../components/alerts/alert-fixture.ts';
import { useSessionStore } from '../stores/session.ts';
import { mountApp } from '../test-utils.ts';
import AlertPage from './AlertPage.vue';

const resolvedBy = (by: string): Alert => ({
  ...plainDiskFullAlert(), state: 'resolved', resolvedAt: '2026-12-03T19:45:00.000Z',
  resolvedBy: by,
});

interface Post {
  path: string;
  key: string | null;
}

/** An API holding one alert; a resolve answers `resolveAnswer` or resolves it as operador. */
function serve(alert: Alert, resolveAnswer?: Response) {
  let current = alert;
  const posts: Post[] = [];
  vi.stubGlobal('fetch', vi.fn(async (input: string, init: RequestInit = {}) => {
    const path = new URL(input, 'http://turno.test').pathname;
    if (init.method === 'POST') {
      const headers = new Headers(init.headers);
      posts.push({ path, key: headers.get('Idempotency-Key') });
      if (resolveAnswer) return resolveAnswer;
      current = resolvedBy('operador');
      return Response.json(current);
    }
    if (path === '/api/alerts/a-1') return Response.json(current);
    if (path === '/api/schedules') return Response.json([]);
    return new Response('{"error":{"code":"not_found","message":"x"}}', { status: 404 });
  }));
  return posts;
}

async function mountAs(role: Role) {
  const mounted = mountApp(AlertPage, { props: { id: 'a-1' } });
  useSessionStore(mounted.pinia).start({
    token: 't', role, user: role === 'viewer' ? 'observador' : 'operador',
    expiresAt: '2099-01-01T00:00:00.000Z',
  });
  await flushPromises();
  return mounted.wrapper;
}

describe('AlertPage, resolving by hand', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks first, sends nothing on cancel, and resolves with an Idempotency-Key', async () => {
    const posts = serve(plainDiskFullAlert());
    const wrapper = await mountAs('operator');

    await wrapper.get('[data-testid="btn-resolve"]').trigger('click');
    expect(wrapper.get('[data-testid="confirm-sheet"]').text())
      .toContain('¿Resolver la alerta 4.1: ');
    await wrapper.get('[data-testid="confirm-cancel"]').trigger('click');
    expect(posts).toEqual([]);

    await wrapper.get('[data-testid="btn-resolve"]').trigger('click');
    await wrapper.get('[data-testid="confirm-accept"]').trigger('click');
    await flushPromises();

    expect(posts).toEqual([{ path: '/api/alerts/a-1/resolve', key: expect.any(String) }]);
    expect(wrapper.find('[data-testid="confirm-sheet"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="alert-resolved"]').text())
      .toMatch(/^Resuelta el 3 dic 2026, 1:45\s?p\.m\. por operador\.$/);
    expect(wrapper.get('[data-testid="btn-resolve"]').attributes('disabled')).toBeDefined();
  });

  it('shows the catalog message when the alert was resolved meanwhile', async () => {
    const conflict = Response.json(
      { error: { code: 'alert_already_resolved', message: 'That alert is already resolved.' } },
      { status: 409 },
    );
    serve(plainDiskFullAlert(), conflict);
    const wrapper = await mountAs('operator');

    await wrapper.get('[data-testid="btn-resolve"]').trigger('click');
    await wrapper.get('[data-testid="confirm-accept"]').trigger('click');
    await flushPromises();

    expect(wrapper.get('[data-testid="confirm-sheet"] [role="alert"]').text())
      .toBe('Esa alerta ya está resuelta.');
  });

  it('offers no resolution to a viewer', async () => {
    serve(plainDiskFullAlert());
    const wrapper = await mountAs('viewer');

    expect(wrapper.get('[data-testid="btn-resolve"]').attributes('disabled')).toBeDefined();
  });

  it('says an alert the watcher resolved closed by itself', async () => {
    serve(resolvedBy('watcher'));
    const wrapper = await mountAs('operator');

    expect(wrapper.get('[data-testid="alert-resolved"]').text())
      .toMatch(/^Se resolvió sola el 3 dic 2026, 1:45\s?p\.m\.: su causa ya no aparece\.$/);
    expect(wrapper.get('[data-testid="btn-resolve"]').attributes('disabled')).toBeDefined();
  });
});
