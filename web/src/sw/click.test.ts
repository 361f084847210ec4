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
    newKey: () => 'key-1',
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

  it('opens the confirm screen for a tap on a notification shown without actions', async () => {
    const bare = notificationFromPush(JSON.stringify(payload), {
      maxActions: 0, language: 'es-MX',
    });
    const deps = worker(Response.json({}));

    expect(await handleNotificationClick(bare.data, '', deps)).toBe('opened');
    expect(deps.fetch).not.toHaveBeenCalled();
    expect(deps.open).toHaveBeenCalledWith('/alertas/a-42?ack=1');
  });

  it('opens Ajustes for a tap on a test notification', async () => {
    const test = notificationFromPush(JSON.stringify({
      ...payload, alertId: '', kind: 'test', url: '/ajustes',
    }), { maxActions: 2, language: 'es-MX' });
    const deps = worker(Response.json({}));

    await handleNotificationClick(test.data, 'ack', deps);

    expect(deps.open).toHaveBeenCalledWith('/ajustes');
  });
});

describe('handleNotificationClick on the phone reminder', () => {
  const reminder = notificationFromPush(JSON.stringify({
    v: 1, kind: 'phone-reminder', alertId: '', card: '1.1',
    title: 'Abre WhatsApp en el celular designado', url: '/ajustes#whatsapp-reminder',
  }), { maxActions: 2, language: 'es-MX' }).data;
  const confirmed = () => Response.json({
    watched: true, everyDays: 12, lastConfirmedAt: '2026-03-08T10:00:00Z',
    lastConfirmedBy: 'operador', lastSentAt: null, dueAt: '2026-03-20T10:00:00Z',
  });

  it('says "Listo" from the worker with the stored token and a key, without opening Turno',
    async () => {
      const deps = worker(confirmed());

      expect(await handleNotificationClick(reminder, 'done', deps)).toBe('reminderConfirmed');
      expect(deps.fetch).toHaveBeenCalledWith('/api/whatsapp/reminder/confirm', {
        method: 'POST',
        headers: {
          Authorization: 'Bearer tok-123', Accept: 'application/json', 'Idempotency-Key': 'key-1',
        },
      });
      expect(deps.open).not.toHaveBeenCalled();
      expect(deps.show).toHaveBeenCalledWith('Listo: quedó anotado', {
        body: 'Turno te lo recordará otra vez en 12 días.', tag: 'turno-phone-reminder',
        data: { url: '/ajustes#whatsapp-reminder' },
      });
    });

  it.each([
    ['a viewer’s role', Response.json({ error: { code: 'forbidden' } }, { status: 403 })],
    ['no network', new TypeError('Failed to fetch')],
  ])('opens the reminder panel in Ajustes after %s', async (_name, answer) => {
    const deps = worker(answer);

    expect(await handleNotificationClick(reminder, 'done', deps)).toBe('opened');
    expect(deps.open).toHaveBeenCalledWith('/ajustes#whatsapp-reminder');
    expect(deps.show).not.toHaveBeenCalled();
  });

  it('opens the reminder panel without calling the API when no session is stored', async () => {
    const deps = worker(confirmed(), null);

    await handleNotificationClick(reminder, 'done', deps);

    expect(deps.fetch).not.toHaveBeenCalled();
    expect(deps.open).toHaveBeenCalledWith('/ajustes#whatsapp-reminder');
  });

  it('never confirms the reminder for a tap on the notification itself', async () => {
    const deps = worker(confirmed());

    await handleNotificationClick(reminder, '', deps);

    expect(deps.fetch).not.toHaveBeenCalled();
    expect(deps.open).toHaveBeenCalledWith('/ajustes#whatsapp-reminder');
  });

  it('never acknowledges with "Listo", nor confirms the reminder with "Reconocer"', async () => {
    const deps = worker(confirmed());

    await handleNotificationClick(data, 'done', deps);
    await handleNotificationClick(reminder, 'ack', deps);

    expect(deps.fetch).not.toHaveBeenCalled();
    expect(deps.open.mock.calls).toEqual([['/alertas/a-42'], ['/ajustes#whatsapp-reminder']]);
  });
});
