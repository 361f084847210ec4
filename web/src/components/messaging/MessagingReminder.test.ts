import type { PhoneReminder } from '@turno/shared';
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '../../stores/session.ts';
import { mountApp } from '../../test-utils.ts';
import MessagingReminder from './MessagingReminder.vue';

const waiting: PhoneReminder = {
  watched: true, everyDays: 12, lastConfirmedAt: null, lastConfirmedBy: null,
  lastSentAt: '2026-03-14T18:00:00.000Z', dueAt: '2026-03-14T18:00:00.000Z',
};

function serve() {
  const posts: Array<{ path: string; key: string | null }> = [];
  vi.stubGlobal('fetch', vi.fn(async (input: string, init?: RequestInit) => {
    const path = new URL(input, 'http://turno.test').pathname;
    if (init?.method !== 'POST') return Response.json(waiting);
    const headers = new Headers(init.headers);
    posts.push({ path, key: headers.get('Idempotency-Key') });
    return Response.json({
      ...waiting, lastConfirmedAt: '2026-03-14T19:00:00.000Z', lastConfirmedBy: 'operador',
      dueAt: '2026-03-26T19:00:00.000Z',
    });
  }));
  return posts;
}

function mountAs(role: 'operator' | 'viewer') {
  const { wrapper, pinia } = mountApp(MessagingReminder);
  useSessionStore(pinia).start({
    token: 't', role, user: role, expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  });
  return wrapper;
}

describe('MessagingReminder', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it('records "Listo" with an Idempotency-Key and shows the next date', async () => {
    const posts = serve();
    const wrapper = mountAs('operator');
    await flushPromises();
    expect(wrapper.text()).toMatch(/Nadie ha confirmado todavía/);

    await wrapper.get('[data-testid="btn-phone-reminder-done"]').trigger('click');
    await flushPromises();

    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ path: '/api/whatsapp/reminder/confirm' });
    expect(posts[0]?.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(wrapper.get('[data-testid="phone-reminder-due"]').text())
      .toMatch(/Próximo recordatorio: 26 mar 2026/);
    expect(wrapper.text()).toMatch(/de operador/);
  });

  it('does not let a viewer confirm', async () => {
    serve();
    const wrapper = mountAs('viewer');
    await flushPromises();
    expect(wrapper.get('[data-testid="btn-phone-reminder-done"]').attributes('disabled'))
      .toBeDefined();
  });
});
