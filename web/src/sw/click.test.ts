import { describe, expect, it, vi } from 'vitest';
import { handleNotificationClick, type ClickDeps } from './click.ts';
import { notificationFromPush } from './notification.ts';

const now = Date.parse('2026-03-08T10:00:00Z');
const payload = {
  v: 1, alertId: 'a-42', card: '4.1', title: '4.1 Almacenamiento de RDS lleno',
  url: '/alertas/a-42',
};
const data = notificationFromPush(JSON.stringify(payload), {
  maxActions: 2, language: 'es-MX',
}).data;
const session = { token: 'tok-123', expiresAt: '2026-03-08T11:00:00Z' };

function worker(answer: Response | Error, stored: typeof session | null = session) {
  const deps = {
    readSession: vi.fn(async () => stored),
    fetch: vi.fn(async () => {
      if (answer instanceof Error) throw answer;
      return answer;
    }),
    show: vi.fn(async () => undefined),
    open: vi.fn(async () => undefined),
    language: 'es-MX',
    now: () => now,
  } satisfies ClickDeps;
  return deps;
}

const conflict = () => Response.json(
  { error: { code: 'alert_already_resolved', message: 'resolved' } }, { status: 409 },
);

describe('handleNotificationClick', () => {
  it('acknowledges from the worker with the stored token, without opening Turno', async () => {
    const deps = worker(Response.json({ id: 'a-42', state: 'acknowledged' }));

    const result = await handleNotificationClick(data, 'ack', deps);

    expect(result).toBe('acknowledged');
    expect(deps.fetch).toHaveBeenCalledWith('/api/alerts/a-42/ack', {
      method: 'POST',
      headers: { Authorization: 'Bearer tok-123', Accept: 'application/json' },
    });
    expect(deps.open).not.toHaveBeenCalled();
    expect(deps.show).toHaveBeenCalledWith('Alerta reconocida', expect.objectContaining({
      tag: 'a-42', data: { url: '/alertas/a-42' },
    }));
  });

  it('says the alert is already resolved when the API refuses with 409', async () => {
    const deps = worker(conflict());

    expect(await handleNotificationClick(data, 'ack', deps)).toBe('alreadyResolved');
    expect(deps.show).toHaveBeenCalledWith('Esa alerta ya está resuelta', expect.anything());
    expect(deps.open).not.toHaveBeenCalled();
  });

  it.each([
    ['an expired token', Response.json({ error: { code: 'invalid_token' } }, { status: 401 })],
    ['a viewer’s role', Response.json({ error: { code: 'forbidden' } }, { status: 403 })],
    ['no network', new TypeError('Failed to fetch')],
  ])('opens the confirm screen after %s', async (_name, answer) => {
    const deps = worker(answer);

    expect(await handleNotificationClick(data, 'ack', deps)).toBe('opened');
    expect(deps.open).toHaveBeenCalledWith('/alertas/a-42?ack=1');
    expect(deps.show).not.toHaveBeenCalled();
  });

  it('opens the confirm screen without calling the API when no session is stored', async () => {
    const deps = worker(Response.json({}), null);

    await handleNotificationClick(data, 'ack', deps);

    expect(deps.fetch).not.toHaveBeenCalled();
    expect(deps.open).toHaveBeenCalledWith('/alertas/a-42?ack=1');
  });

  it('opens the confirm screen when the stored token is about to expire', async () => {
    const deps = worker(Response.json({}), { token: 't', expiresAt: '2026-03-08T10:00:05Z' });

    await handleNotificationClick(data, 'ack', deps);

    expect(deps.fetch).not.toHaveBeenCalled();
    expect(deps.open).toHaveBeenCalledWith('/alertas/a-42?ack=1');
  });

  it.each([['', '/alertas/a-42'], ['guide', '/guias/4.1']])(
    'opens a page for a tap on %j, never acknowledging', async (action, url) => {
      const deps = worker(Response.json({}));

      await handleNotificationClick(data, action, deps);

      expect(deps.fetch).not.toHaveBeenCalled();
      expect(deps.open).toHaveBeenCalledWith(url);
    },
  );

  it('opens Ajustes for a tap on a test notification', async () => {
    const test = notificationFromPush(JSON.stringify({
      ...payload, alertId: '', kind: 'test', url: '/ajustes',
    }), { maxActions: 2, language: 'es-MX' });
    const deps = worker(Response.json({}));

    await handleNotificationClick(test.data, 'ack', deps);

    expect(deps.open).toHaveBeenCalledWith('/ajustes');
  });
});
