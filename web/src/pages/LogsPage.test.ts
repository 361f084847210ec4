import type { Role } from '@turno/shared';
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useCloudStore } from '../stores/cloud.ts';
import { useSessionStore } from '../stores/session.ts';
import { mountApp } from '../test-utils.ts';
import LogsPage from './LogsPage.vue';

const group = 'aws/ec2/flotas-develop-cluster/task-definition/backend-task';

function fakeApi() {
  let days: number | null = null;
  const puts: Array<{ body: unknown; key: string | undefined }> = [];
  const fetcher = vi.fn(async (url: string, init?: RequestInit) => {
    const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });
    if (url.startsWith('/api/logs/errors')) {
      return json({
        group, windowHours: 1,
        lines: [{
          at: '2024-03-27T14:56:00.000Z', stream: 'ecs/backend/1',
          message: 'Error al conectar a la base de datos connect ECONNREFUSED 10.0.3.25:5432',
        }],
      });
    }
    if (init?.method === 'PUT') {
      const body = JSON.parse(String(init.body)) as { days: number | null };
      puts.push({ body, key: (init.headers as Record<string, string>)['Idempotency-Key'] });
      days = body.days;
      return json({ retention: { group, days } });
    }
    return json({ group, days });
  });
  return { fetcher, puts };
}

async function mountAs(role: Role) {
  const api = fakeApi();
  vi.stubGlobal('fetch', api.fetcher);
  const { wrapper, pinia } = mountApp(LogsPage);
  useSessionStore(pinia).start({
    token: 't', role, user: role, expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  });
  await flushPromises();
  return { wrapper, pinia, ...api };
}

describe('LogsPage', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it('shows the last error lines and that there is no autolimpieza', async () => {
    const { wrapper } = await mountAs('viewer');

    expect(wrapper.findAll('[data-testid="log-error-line"]')[0]?.text())
      .toContain('ECONNREFUSED 10.0.3.25:5432');
    expect(wrapper.get('[data-testid="logs-retention"]').text()).toContain('Nunca');
    expect(wrapper.find('[data-testid="retention-select"]').exists()).toBe(false);
  });

  it('lets an admin set 30 days after confirming that older events are deleted', async () => {
    const { wrapper, puts } = await mountAs('admin');

    await wrapper.get('[data-testid="retention-select"]').setValue('30');
    await wrapper.get('[data-testid="retention-save"]').trigger('click');
    expect(wrapper.text()).toContain('borrará en seguida los eventos más viejos');
    await wrapper.get('[data-testid="retention-accept"]').trigger('click');
    await flushPromises();

    expect(puts).toEqual([{ body: { days: 30 }, key: expect.stringMatching(/^[0-9a-f-]{36}$/) }]);
    expect(wrapper.get('[data-testid="logs-retention"]').text()).toContain('30 días');
  });

  it('says Sandbox when confirming a change in the sandbox', async () => {
    const { wrapper, pinia } = await mountAs('admin');
    useCloudStore(pinia).kind = 'sandbox';

    await wrapper.get('[data-testid="retention-select"]').setValue('30');
    await wrapper.get('[data-testid="retention-save"]').trigger('click');

    expect(wrapper.get('[data-testid="action-sandbox"]').text()).toContain('Sandbox');
  });
});
