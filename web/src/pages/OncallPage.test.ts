import type { OncallResponse, Role } from '@turno/shared';
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '../stores/session.ts';
import { mountApp } from '../test-utils.ts';
import OncallPage from './OncallPage.vue';

/** Weeks around Los Angeles' spring-forward night (2026-03-08); Mexico City stays UTC−6. */
function oncall(): OncallResponse {
  return {
    timeZone: 'America/Mexico_City',
    now: { user: 'ana', source: 'rotation', until: '2026-03-09T15:00:00.000Z' },
    escalation: ['ana', 'beto'],
    rotation: {
      members: ['ana', 'beto'], handoffWeekday: 1, handoffHour: 9, anchor: '2026-03-02',
      repeatMinutes: 5, escalateAfter: 2, updatedAt: '2026-03-02T15:00:00.000Z',
      updatedBy: 'admin',
    },
    weeks: [
      { startsAt: '2026-03-02T15:00:00.000Z', endsAt: '2026-03-09T15:00:00.000Z', user: 'ana' },
      { startsAt: '2026-03-09T15:00:00.000Z', endsAt: '2026-03-16T15:00:00.000Z', user: 'beto' },
    ],
    overrides: [],
    knownUsers: ['admin', 'ana', 'beto', 'caro'],
    cannotAcknowledge: [],
  };
}

type Answer = (method: string) => Response;
const accept: Answer = (method) =>
  Response.json({ id: '7' }, { status: method === 'POST' ? 201 : 200 });

function serve(body: OncallResponse, answer: Answer) {
  const calls: Array<{ url: string; method: string; body: unknown }> = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    calls.push({ url, method, body: init?.body ? JSON.parse(String(init.body)) : null });
    if (method === 'GET') return Response.json(body);
    return answer(method);
  }));
  return calls;
}

async function mountAs(role: Role, body = oncall(), answer = accept) {
  const calls = serve(body, answer);
  const { wrapper, pinia } = mountApp(OncallPage);
  useSessionStore(pinia).start({
    token: 't', role, user: role, expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  });
  await flushPromises();
  return { wrapper, calls };
}

describe('OncallPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
  });

  it('shows who is on call and each handoff at 9:00 Mexico City time on a phone in LA',
    async () => {
      vi.stubEnv('TZ', 'America/Los_Angeles');

      const { wrapper } = await mountAs('viewer');

      expect(wrapper.get('[data-testid="oncall-now-user"]').text()).toBe('ana');
      const weeks = wrapper.findAll('[data-testid="oncall-week"]').map((row) => row.text());
      expect(weeks[0]).toMatch(/2 mar 2026, 9:00\s?a\.m\..*ana/);
      expect(weeks[1]).toMatch(/9 mar 2026, 9:00\s?a\.m\..*beto/);
      expect(wrapper.find('[data-testid="rotation-form"]').exists()).toBe(false);
    });

  it('says alerts go to everyone when there is no rotation', async () => {
    const empty = { ...oncall(), now: { user: null, source: null, until: null }, weeks: [] };

    const { wrapper } = await mountAs('viewer', empty);

    expect(wrapper.get('[data-testid="oncall-nobody"]').text()).toMatch(/todos los teléfonos/);
  });

  it('lets an admin add an override typed in Mexico City time while the phone is in LA',
    async () => {
      vi.stubEnv('TZ', 'America/Los_Angeles');
      const { wrapper, calls } = await mountAs('admin');

      await wrapper.get('[data-testid="override-user"]').setValue('beto');
      await wrapper.get('[data-testid="override-from"]').setValue('2026-03-08T02:30');
      await wrapper.get('[data-testid="override-to"]').setValue('2026-03-09T09:00');
      await wrapper.get('[data-testid="override-form"]').trigger('submit');
      await flushPromises();

      expect(calls.find((call) => call.method === 'POST')).toMatchObject({
        url: '/api/oncall/overrides',
        body: {
          user: 'beto', startsAt: '2026-03-08T08:30:00.000Z', endsAt: '2026-03-09T15:00:00.000Z',
        },
      });
    });

  it('lets an admin reorder and save the rotation', async () => {
    const { wrapper, calls } = await mountAs('admin');

    await wrapper.get('[data-testid="member-input"]').setValue('caro');
    await wrapper.get('[data-testid="btn-member-add"]').trigger('click');
    await wrapper.findAll('[data-testid="member"] button')[2]?.trigger('click');
    await wrapper.get('[data-testid="handoff-hour"]').setValue('10');
    await wrapper.get('[data-testid="btn-rotation-save"]').trigger('click');
    await flushPromises();

    expect(calls.find((call) => call.method === 'PUT')).toMatchObject({
      url: '/api/oncall/rotation',
      body: {
        members: ['beto', 'ana', 'caro'], handoffWeekday: 1, handoffHour: 10,
        repeatMinutes: 5, escalateAfter: 2,
      },
    });
  });

  it('offers only the operators and admins not in the rotation yet', async () => {
    const { wrapper } = await mountAs('admin');

    const offered = wrapper.findAll('[data-testid="member-input"] option')
      .map((option) => option.attributes('value'));
    expect(offered).toEqual(['', 'admin', 'caro']);
    const covering = wrapper.findAll('[data-testid="override-user"] option')
      .map((option) => option.attributes('value'));
    expect(covering).toEqual(['', 'admin', 'ana', 'beto', 'caro']);
  });

  it('warns when someone on call cannot acknowledge', async () => {
    const { wrapper } = await mountAs('viewer', { ...oncall(), cannotAcknowledge: ['beto'] });

    expect(wrapper.get('[data-testid="oncall-cannot-ack"]').text())
      .toMatch(/^beto no puede reconocer alertas/);
  });

  it('shows the refusal of a person who cannot acknowledge, naming them', async () => {
    const { wrapper } = await mountAs('admin', oncall(), () => Response.json({
      error: {
        code: 'oncall_person_cannot_acknowledge', message: 'viewer',
        details: { names: ['caro'] },
      },
    }, { status: 400 }));

    await wrapper.get('[data-testid="member-input"]').setValue('caro');
    await wrapper.get('[data-testid="btn-member-add"]').trigger('click');
    await wrapper.get('[data-testid="btn-rotation-save"]').trigger('click');
    await flushPromises();

    expect(wrapper.get('[data-testid="rotation-form"] [role="alert"]').text()).toBe(
      'caro no puede reconocer alertas: de guardia solo puede estar un operador o un '
        + 'administrador.',
    );
  });
});
