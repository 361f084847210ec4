import type { Role } from '@turno/shared';
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '../stores/session.ts';
import { mountApp } from '../test-utils.ts';
import CronHostPage from './CronHostPage.vue';

const ids: Record<string, string> = {
  'pm2-list': '00000000-0000-4000-8000-000000000001',
  disk: '00000000-0000-4000-8000-000000000002',
  'pm2-flush': '00000000-0000-4000-8000-000000000003',
};
const disk = (usePercent: number) => ({ usePercent, sizeGiB: 8, usedGiB: 6, availableGiB: 2 });
const outputs: Record<string, unknown> = {
  [ids['pm2-list']!]: {
    kind: 'pm2-list',
    processes: [{
      id: 0, name: 'Linde-Ocurrences', status: 'online', memoryMb: 65.9, restarts: 0,
      uptimeSeconds: 90_000,
    }],
  },
  [ids.disk!]: { kind: 'disk', disk: disk(83) },
  [ids['pm2-flush']!]: { kind: 'pm2-flush', diskBefore: disk(83), diskAfter: disk(41) },
};

/** The cron-host API: every command is running on its first poll and done on the second. */
function fakeApi() {
  const polls = new Map<string, number>();
  const posts: Array<{ body: unknown; key: string | null }> = [];
  const fetcher = vi.fn(async (url: string, init?: RequestInit) => {
    const json = (body: unknown, status = 200) =>
      new Response(JSON.stringify(body), { status });
    if (init?.method === 'POST') {
      const body = JSON.parse(String(init.body)) as { kind: string };
      const headers = init.headers as Record<string, string>;
      posts.push({ body, key: headers['Idempotency-Key'] ?? null });
      return json({ commandId: ids[body.kind], kind: body.kind, replayed: false }, 202);
    }
    const id = url.split('/').at(-1) ?? '';
    const count = (polls.get(id) ?? 0) + 1;
    polls.set(id, count);
    const kind = (outputs[id] as { kind: string }).kind;
    return count < 2
      ? json({ commandId: id, kind, status: 'running' })
      : json({ commandId: id, kind, status: 'success', output: outputs[id] });
  });
  return { fetcher, posts };
}

async function mountAs(role: Role) {
  const api = fakeApi();
  vi.stubGlobal('fetch', api.fetcher);
  const { wrapper, pinia } = mountApp(CronHostPage);
  useSessionStore(pinia).start({
    token: 't', role, user: role, expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  });
  await vi.advanceTimersByTimeAsync(5_000);
  return { wrapper, ...api };
}

describe('CronHostPage', () => {
  beforeEach(() => {
    localStorage.clear();
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('shows the pm2 processes and the disk use once their commands finish', async () => {
    const { wrapper } = await mountAs('viewer');

    const rows = wrapper.findAll('[data-testid="cron-process"]');
    expect(rows.map((r) => r.attributes('data-name'))).toEqual(['Linde-Ocurrences']);
    expect(rows[0]?.text()).toContain('65.9 MB');
    expect(wrapper.get('[data-testid="cron-disk-use"]').text()).toBe('83 %');
  });

  it('does not let a viewer flush, and says why', async () => {
    const { wrapper } = await mountAs('viewer');

    expect(wrapper.get('[data-testid="btn-flush"]').attributes('disabled')).toBeDefined();
    expect(wrapper.text()).toContain('Solo un operador o un administrador');
  });

  it('flushes after the sheet says what it deletes, and reports the disk drop', async () => {
    const { wrapper, posts } = await mountAs('operator');

    await wrapper.get('[data-testid="btn-flush"]').trigger('click');
    const sheet = wrapper.get('[data-testid="flush-sheet"]');
    expect(sheet.text()).toContain('Se borran los archivos de log');
    await sheet.get('[data-testid="flush-accept"]').trigger('click');
    await flushPromises();
    await vi.advanceTimersByTimeAsync(5_000);

    const flush = posts.find((p) => (p.body as { kind: string }).kind === 'pm2-flush');
    expect(flush?.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(wrapper.find('[data-testid="flush-sheet"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="flush-done"]').text()).toContain('de 83 % a 41 %');
  });
});
