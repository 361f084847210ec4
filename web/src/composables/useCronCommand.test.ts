import type { CronCommandView } from '@turno/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent } from 'vue';
import { mountApp } from '../test-utils.ts';
import { useCronCommand } from './useCronCommand.ts';

const commandId = '00000000-0000-4000-8000-000000000003';
const running = { commandId, kind: 'pm2-list', status: 'running' };
const done = {
  commandId, kind: 'pm2-list', status: 'success', output: { kind: 'pm2-list', processes: [] },
};
const notFound = {
  error: { code: 'cron_command_not_found', message: 'That cron host command does not exist.' },
};

type Poll = 'offline' | { status: number; body: unknown };

/** The cron-host API: a command id at once, then each poll answers the next of `polls`. */
function stubApi(polls: Poll[]) {
  const polled: number[] = [];
  vi.stubGlobal('fetch', vi.fn(async (_url: string, init?: RequestInit) => {
    if (init?.method === 'POST') {
      return new Response(JSON.stringify({ commandId, kind: 'pm2-list', replayed: false }),
        { status: 202 });
    }
    polled.push(Date.now());
    const answer = polls.shift() ?? 'offline';
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(answer.body), { status: answer.status });
  }));
  return polled;
}

function withCommand() {
  const finished: CronCommandView[] = [];
  let found: ReturnType<typeof useCronCommand> | undefined;
  mountApp(defineComponent({
    setup() {
      found = useCronCommand({ onDone: (command) => finished.push(command) });
      return () => null;
    },
  }));
  if (!found) throw new Error('not mounted');
  return { ...found, finished };
}

describe('useCronCommand', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('keeps polling through a few network errors and shows the result', async () => {
    stubApi(['offline', 'offline', { status: 200, body: running }, { status: 200, body: done }]);
    const { run, command, error, busy, finished } = withCommand();

    await run({ kind: 'pm2-list' });
    await vi.advanceTimersByTimeAsync(60_000);

    expect(error.value).toBeNull();
    expect(command.value?.status).toBe('success');
    expect(finished).toHaveLength(1);
    expect(busy.value).toBe(false);
  });

  it('waits longer after each failed poll, and shows the error once retries run out', async () => {
    const polled = stubApi([]);
    const { run, error, busy } = withCommand();
    const started = Date.now();

    await run({ kind: 'pm2-list' });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(error.value).toBeNull();
    await vi.advanceTimersByTimeAsync(60_000);

    expect(polled.map((at) => at - started)).toEqual([1_500, 4_500, 10_500, 22_500]);
    expect(error.value).toBe('Sin conexión con Turno. Revisa tu red e intenta de nuevo.');
    expect(busy.value).toBe(false);
  });

  it('starts the retries afresh after a poll that got an answer', async () => {
    const polled = stubApi(['offline', 'offline', 'offline', { status: 200, body: running },
      'offline', 'offline', 'offline', { status: 200, body: done }]);
    const { run, error, command } = withCommand();

    await run({ kind: 'pm2-list' });
    await vi.advanceTimersByTimeAsync(120_000);

    expect(polled).toHaveLength(8);
    expect(error.value).toBeNull();
    expect(command.value?.status).toBe('success');
  });

  it('stops at once when the API answers with a 4xx', async () => {
    const polled = stubApi([{ status: 404, body: notFound }, { status: 200, body: done }]);
    const { run, error, busy } = withCommand();

    await run({ kind: 'pm2-list' });
    await vi.advanceTimersByTimeAsync(60_000);

    expect(polled).toHaveLength(1);
    expect(error.value).toBe('Ese comando del servidor cron no existe.');
    expect(busy.value).toBe(false);
  });
});
