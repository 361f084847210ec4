import type { DrillsResponse } from '@turno/shared';
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '../../stores/session.ts';
import { mountApp } from '../../test-utils.ts';
import DrillsPanel from './DrillsPanel.vue';

const drill = {
  name: 'whatsapp-logged-out', probe: 'ultramsg',
  title: { es: 'WhatsApp pide escanear el QR', en: 'WhatsApp asks for a QR scan' },
  description: { es: 'Se abre la tarjeta 1.1.', en: 'Card 1.1 opens.' },
  on: false, since: null,
};

function serve(list: DrillsResponse) {
  const posts: Array<{ path: string; body: unknown }> = [];
  let current = list;
  vi.stubGlobal('fetch', vi.fn(async (input: string, init?: RequestInit) => {
    const path = new URL(input, 'http://turno.test').pathname;
    if (init?.method === 'POST') {
      const body = JSON.parse(String(init.body)) as { on: boolean };
      posts.push({ path, body });
      current = { ...current, drills: [{ ...drill, on: body.on, since: '2026-03-02T18:00:00Z' }] };
      return Response.json({ drill: current.drills[0] });
    }
    return Response.json(current);
  }));
  return posts;
}

function mountAs(role: 'operator' | 'viewer') {
  const { wrapper, pinia } = mountApp(DrillsPanel);
  useSessionStore(pinia).start({
    token: 't', role, user: role, expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  });
  return wrapper;
}

describe('DrillsPanel', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it('lists the sandbox\'s drills and turns one on for an operator', async () => {
    const posts = serve({ sandbox: true, drills: [drill] });
    const wrapper = mountAs('operator');
    await flushPromises();

    expect(wrapper.get('[data-testid="drills"]').text()).toMatch(/Simulacros/);
    await wrapper.get('[data-testid="drill-toggle"]').setValue(true);
    await flushPromises();

    expect(posts).toEqual([{ path: '/api/drills/whatsapp-logged-out', body: { on: true } }]);
    const toggle = wrapper.get('[data-testid="drill-toggle"]').element as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    expect(wrapper.text()).toMatch(/Activo desde/);
  });

  it('lets a viewer look but not toggle', async () => {
    serve({ sandbox: true, drills: [drill] });
    const wrapper = mountAs('viewer');
    await flushPromises();

    expect(wrapper.get('[data-testid="drill-toggle"]').attributes('disabled')).toBeDefined();
    expect(wrapper.text()).toMatch(/Solo un operador puede activar simulacros/);
  });

  it('shows nothing outside the sandbox', async () => {
    serve({ sandbox: false, drills: [] });
    const wrapper = mountAs('operator');
    await flushPromises();
    expect(wrapper.find('[data-testid="drills"]').exists()).toBe(false);
  });
});
