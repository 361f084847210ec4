import { describe, expect, it } from 'vitest';
import { pushPayloadSchema } from '@turno/shared';
import en from '../i18n/en.json';
import { isPushPayload, notificationFromPush, urlForClick } from './notification.ts';

const phone = { maxActions: 2, language: 'es-MX' };
const payload = {
  v: 1, alertId: 'a-42', card: '4.1', title: '4.1 Almacenamiento de RDS lleno',
  url: '/alertas/a-42',
};

describe('notificationFromPush', () => {
  it('shows the alert with its tag, url and both actions for a valid payload', () => {
    const note = notificationFromPush(JSON.stringify(payload), phone);

    expect(note.title).toBe('4.1 Almacenamiento de RDS lleno');
    expect(note.tag).toBe('a-42');
    expect(note.data.url).toBe('/alertas/a-42');
    expect(note.actions).toEqual([
      { action: 'ack', title: 'Reconocer' }, { action: 'guide', title: 'Ver guía' },
    ]);
    expect(urlForClick(note.data, 'guide')).toBe('/guias/4.1');
    expect(urlForClick(note.data, 'ack')).toBe('/alertas/a-42?ack=1');
    expect(urlForClick(note.data, '')).toBe('/alertas/a-42');
  });

  it.each([
    ['garbage', '{not json'],
    ['an unknown shape', JSON.stringify({ hello: 'world' })],
    ['an empty push', ''],
    ['no data at all', null],
  ])('shows the generic notification for %s', (_name, text) => {
    const note = notificationFromPush(text, phone);

    expect(note.title).toBe('Turno: nueva alerta');
    expect(note.actions).toEqual([]);
    expect(urlForClick(note.data, 'ack')).toBe('/');
  });

  it('opens the confirm screen from a tap where the browser has no actions', () => {
    const note = notificationFromPush(JSON.stringify(payload), { ...phone, maxActions: 0 });

    expect(note.actions).toEqual([]);
    expect(urlForClick(note.data, '')).toBe('/alertas/a-42?ack=1');
    expect(note.data.pageUrl).toBe('/alertas/a-42');
  });

  it('keeps "Reconocer" where the browser shows one action, the tap opening the alert', () => {
    const note = notificationFromPush(JSON.stringify(payload), { ...phone, maxActions: 1 });

    expect(note.actions).toEqual([{ action: 'ack', title: 'Reconocer' }]);
    expect(urlForClick(note.data, '')).toBe('/alertas/a-42');
  });

  it('offers "Reconocer" alone for an alert without a card', () => {
    const note = notificationFromPush(JSON.stringify({ ...payload, card: null }), phone);

    expect(note.actions.map((a) => a.action)).toEqual(['ack']);
    expect(note.data.guideUrl).toBeNull();
  });

  it('never sends the phone to another site', () => {
    const note = notificationFromPush(
      JSON.stringify({ ...payload, url: '//evil.example/x' }), phone);

    expect(note.data.url).toBe('/alertas/a-42');
  });

  it('says a reminder is a reminder, and rings again under the same tag', () => {
    const note = notificationFromPush(JSON.stringify({ ...payload, kind: 'renotify' }), phone);

    expect(note.body).toMatch(/^Sigue sin reconocer\. Tarjeta 4\.1/);
    expect(note.tag).toBe('a-42');
    expect(note.renotify).toBe(true);
  });

  it('tells the next person an escalated alert is theirs now', () => {
    const note = notificationFromPush(JSON.stringify({ ...payload, kind: 'escalate' }), phone);

    expect(note.body).toMatch(/ahora te toca a ti/);
    expect(note.actions.map((a) => a.action)).toEqual(['ack', 'guide']);
  });

  it('says an alert reopened when its errors went on after a resolve', () => {
    const note = notificationFromPush(JSON.stringify({ ...payload, kind: 'reopened' }), phone);

    expect(note.body).toMatch(/^Se abrió otra vez: .* Tarjeta 4\.1/);
    expect(note.actions.map((a) => a.action)).toEqual(['ack', 'guide']);
  });

  it('shows a test push without actions, opening Ajustes', () => {
    const note = notificationFromPush(JSON.stringify({
      ...payload, alertId: '', card: null, kind: 'test', url: '/ajustes',
    }), phone);

    expect(note).toMatchObject({ title: 'Turno: prueba de notificaciones', tag: 'turno-test' });
    expect(note.actions).toEqual([]);
    expect(urlForClick(note.data, '')).toBe('/ajustes');
  });

  const reminder = JSON.stringify({
    v: 1, kind: 'phone-reminder', alertId: '', card: '1.1',
    title: 'Abre WhatsApp en el celular designado', url: '/ajustes#whatsapp-reminder',
  });

  it('asks the phone\'s keeper to open WhatsApp, with "Listo" as its action', () => {
    const note = notificationFromPush(reminder, phone);

    expect(note).toMatchObject({ tag: 'turno-phone-reminder', requireInteraction: true });
    expect(note.actions).toEqual([{ action: 'done', title: 'Listo' }]);
    expect(note.body).toMatch(/WhatsApp/);
    expect(note.data).toMatchObject({ reminder: true, alertId: null, ackUrl: null });
    expect(urlForClick(note.data, '')).toBe('/ajustes#whatsapp-reminder');
  });

  it('opens Ajustes\' reminder panel from a tap where the browser has no actions', () => {
    const note = notificationFromPush(reminder, { ...phone, maxActions: 0 });

    expect(note.actions).toEqual([]);
    expect(urlForClick(note.data, '')).toBe('/ajustes#whatsapp-reminder');
  });

  it('words an alert in the language the server says, not the browser\'s', () => {
    const english = { ...payload, title: '4.1 · RDS storage full', kind: 'renotify', lang: 'en' };
    const spanish = { ...payload, kind: 'renotify', lang: 'es-MX' };

    const note = notificationFromPush(JSON.stringify(english), phone);
    const nota = notificationFromPush(JSON.stringify(spanish), { ...phone, language: 'en-US' });

    expect(note).toMatchObject({ title: '4.1 · RDS storage full', lang: 'en' });
    expect(note.body).toMatch(/^Still not acknowledged\. Card 4\.1/);
    expect(note.actions.map((a) => a.title)).toEqual(['Acknowledge', 'See guide']);
    expect(nota).toMatchObject({ title: '4.1 Almacenamiento de RDS lleno', lang: 'es-MX' });
    expect(nota.actions.map((a) => a.title)).toEqual(['Reconocer', 'Ver guía']);
  });

  it('shows a test push in the language the server says', () => {
    const test = { ...payload, alertId: '', card: null, kind: 'test', url: '/ajustes', lang: 'en' };

    expect(notificationFromPush(JSON.stringify(test), phone).title).toBe(en.push.testTitle);
  });

  it('speaks English on an English phone', () => {
    const note = notificationFromPush('', { ...phone, language: 'en-US' });
    const done = notificationFromPush(reminder, { ...phone, language: 'en-US' });

    expect(note.title).toBe('Turno: new alert');
    expect(done.actions).toEqual([{ action: 'done', title: 'Done' }]);
  });
});

describe('the paused-schedules reminder', () => {
  const paused = JSON.stringify({
    v: 1, kind: 'paused-reminder', alertId: '', card: '2.1',
    title: 'Siguen en pausa: linde-mix-get-events, linde-mix-get-positions',
    url: '/programaciones',
    paused: [
      { name: 'linde-mix-get-events', since: '2026-01-07T18:00:00.000Z' },
      { name: 'linde-mix-get-positions', since: '2026-01-07T20:30:00.000Z' },
    ],
  });

  it('names each schedule still paused and since when, in Mexico City time', () => {
    const note = notificationFromPush(paused, phone);

    expect(note).toMatchObject({
      title: 'Programaciones aún en pausa', tag: 'turno-paused-reminder', renotify: true,
    });
    expect(note.body).toMatch(new RegExp(
      '^linde-mix-get-events desde 7 ene 2026, 12:00\\s?p\\.m\\.; '
      + 'linde-mix-get-positions desde 7 ene 2026, 2:30\\s?p\\.m\\.\\. '
      + 'Cuando el proveedor reactive la cuenta .* reanúdalas \\(paso 2\\.1\\.5\\)\\.$'));
  });

  it('opens Programaciones from a tap, with nothing to do from the notification itself', () => {
    const note = notificationFromPush(paused, phone);

    expect(note.actions).toEqual([]);
    expect(urlForClick(note.data, '')).toBe('/programaciones');
  });

  it('speaks English on an English phone', () => {
    const note = notificationFromPush(paused, { ...phone, language: 'en-US' });

    expect(note.title).toBe('Schedules still paused');
    expect(note.body).toMatch(/^linde-mix-get-events since Jan 7, 2026, 12:00\sPM; /);
  });
});

describe('isPushPayload', () => {
  it.each([
    payload,
    { ...payload, card: null },
    { ...payload, v: 2 },
    { ...payload, title: 'x'.repeat(121) },
    { ...payload, alertId: 42 },
    { ...payload, url: undefined },
    { ...payload, kind: 'escalate' },
    { ...payload, kind: 'test' },
    { ...payload, kind: 'phone-reminder' },
    { ...payload, kind: 'page' },
    { ...payload, kind: 'paused-reminder', paused: [{ name: 'a', since: '2026-01-07' }] },
    { ...payload, kind: 'paused-reminder', paused: [{ name: 'a' }] },
    { ...payload, paused: 'linde-mix-get-events' },
    { ...payload, paused: Array.from({ length: 11 }, () => ({ name: 'a', since: 'b' })) },
    { ...payload, paused: [{ name: 'x'.repeat(65), since: '2026-01-07' }] },
    { ...payload, lang: 'en' },
    { ...payload, lang: 'es-MX' },
    { ...payload, lang: 'fr' },
    { ...payload, lang: 3 },
    [],
    'text',
    null,
  ])('agrees with the shared schema on %j', (value) => {
    expect(isPushPayload(value)).toBe(pushPayloadSchema.safeParse(value).success);
  });
});
