import { describe, expect, it, vi } from 'vitest';
import { openTurno, type TurnoWindows } from './open-turno.ts';

const origin = 'https://turno.example.com';

/** A browser window as the worker sees it; `controlled: false` makes navigate() refuse. */
function windowAt(url: string, controlled = true) {
  const client = {
    url,
    focus: vi.fn(async () => client),
    navigate: vi.fn(async () => {
      if (!controlled) throw new TypeError('not controlled by this worker');
      return client;
    }),
    postMessage: vi.fn(),
  };
  return client;
}

function worker(windows: Array<ReturnType<typeof windowAt>>) {
  const clients = {
    matchAll: vi.fn(async () => windows),
    openWindow: vi.fn(async () => null),
  };
  return { origin, clients: clients as unknown as TurnoWindows['clients'], spies: clients };
}

describe('openTurno', () => {
  it('focuses an open Turno window and shows the alert page in it', async () => {
    const other = windowAt('https://mail.example.com/inbox');
    const turno = windowAt(`${origin}/programaciones`);
    const { spies, ...deps } = worker([other, turno]);

    await openTurno('/alertas/a-42', deps);

    expect(spies.matchAll).toHaveBeenCalledWith({ type: 'window', includeUncontrolled: true });
    expect(turno.focus).toHaveBeenCalledOnce();
    expect(turno.navigate).toHaveBeenCalledWith(`${origin}/alertas/a-42`);
    expect(other.focus).not.toHaveBeenCalled();
    expect(spies.openWindow).not.toHaveBeenCalled();
  });

  it('opens the alert page when no Turno window is open', async () => {
    const { spies, ...deps } = worker([windowAt('https://mail.example.com/inbox')]);

    await openTurno('/alertas/a-42', deps);

    expect(spies.openWindow).toHaveBeenCalledWith(`${origin}/alertas/a-42`);
  });

  it('asks a window the worker does not control to route itself', async () => {
    const turno = windowAt(`${origin}/`, false);
    const { spies, ...deps } = worker([turno]);

    await openTurno('/alertas/a-42?ack=1', deps);

    expect(turno.focus).toHaveBeenCalledOnce();
    expect(turno.postMessage).toHaveBeenCalledWith({
      type: 'turno:navigate', url: `${origin}/alertas/a-42?ack=1`,
    });
    expect(spies.openWindow).not.toHaveBeenCalled();
  });
});
