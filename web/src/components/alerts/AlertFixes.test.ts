import { cardById } from '@turno/shared';
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '../../stores/session.ts';
import { mountApp } from '../../test-utils.ts';
import { probeAlert } from './alert-fixture.ts';
import AlertFixes from './AlertFixes.vue';

const flushId = '00000000-0000-4000-8000-000000000003';
const disk = (usePercent: number) => ({ usePercent, sizeGiB: 8, usedGiB: 7, availableGiB: 1 });

/** Servidor cron's API: a flush that runs, then reports the disk before and after. */
function serveFlush(): unknown[] {
  const posts: unknown[] = [];
  let polls = 0;
  vi.stubGlobal('fetch', vi.fn(async (input: string, init?: RequestInit) => {
    if (init?.method === 'POST') {
      posts.push(JSON.parse(String(init.body)));
      return Response.json({ commandId: flushId, kind: 'pm2-flush', replayed: false },
        { status: 202 });
    }
    if (input.includes('/api/cron-host/commands/')) {
      polls += 1;
      return Response.json(polls < 2
        ? { commandId: flushId, kind: 'pm2-flush', status: 'running' }
        : {
          commandId: flushId, kind: 'pm2-flush', status: 'success',
          output: { kind: 'pm2-flush', diskBefore: disk(90), diskAfter: disk(37) },
        });
    }
    return Response.json([]);
  }));
  return posts;
}

describe('AlertFixes', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('flushes the pm2 logs from the alert after confirming (T.7.4)', async () => {
    const posts = serveFlush();
    const alert = probeAlert('cron-disk-full', { usePercent: 90, limitPercent: 85 }, [], 'T.7');
    const { wrapper, pinia } = mountApp(AlertFixes, {
      props: { alert, card: cardById('T.7'), pauses: [], canAct: true },
    });
    useSessionStore(pinia).start({
      token: 't', role: 'operator', user: 'operador', expiresAt: '2099-01-01T00:00:00.000Z',
    });
    await flushPromises();

    await wrapper.get('[data-testid="btn-alert-flush"]').trigger('click');
    await wrapper.get('[data-testid="flush-accept"]').trigger('click');
    await vi.advanceTimersByTimeAsync(5_000);

    expect(posts).toEqual([{ kind: 'pm2-flush' }]);
    expect(wrapper.get('[data-testid="alert-flush-done"]').text())
      .toBe('Logs vaciados: el disco pasó de 90 % a 37 % en uso.');
  });
});
