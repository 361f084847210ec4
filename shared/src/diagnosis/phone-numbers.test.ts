import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose.ts';
import { redactValue } from './redact-value.ts';
import { redact } from './redact.ts';

const masked = '•••••••5678';

describe('redact, with a recipient\'s phone number', () => {
  it.each([
    ['in an UltraMsg URL, beside its token',
      'POST https://api.ultramsg.com/instance1/messages/chat?token=t0k3n99&to=5215512345678',
      `POST https://api.ultramsg.com/instance1/messages/chat?token=[redacted]&to=${masked}`],
    ['with a URL-encoded plus in a form body', 'token=a1b2c3d4&to=%2B5215512345678&body=Hola',
      `token=[redacted]&to=${masked}&body=Hola`],
    ['with a plus', 'to=+5215512345678', `to=${masked}`],
    ['as a WhatsApp chat id', 'chatId=5215512345678@c.us&x=1', `chatId=${masked}@c.us&x=1`],
    ['as a URL-encoded chat id', 'chatId=5215512345678%40c.us', `chatId=${masked}%40c.us`],
    ['in a URL-encoded query', 'next%3Fto%3D5215512345678%26body%3DHola',
      `next%3Fto%3D${masked}%26body%3DHola`],
    ['named phone', '/v1/users?phone=5215512345678', `/v1/users?phone=${masked}`],
    ['in JSON', '{"to":"+5215512345678","body":"Hola"}', `{"to":"${masked}","body":"Hola"}`],
    ['in JSON kept inside a JSON string', '"{\\"chatId\\":\\"5215512345678@c.us\\"}"',
      `"{\\"chatId\\":\\"${masked}@c.us\\"}"`],
    ['as a JSON number', '{"phone":5215512345678,"n":1}', `{"phone":"${masked}","n":1}`],
    ['as util.inspect prints it', "{ to: '5215512345678', body: 'Hola' }",
      `{ to: '${masked}', body: 'Hola' }`],
    ['in a Python repr', "Request(token='t0k', to='5215512345678')",
      `Request(token='[redacted]', to='${masked}')`],
    ['as the sender of an UltraMsg webhook', '{"from":"5215512345678@c.us","body":"Hola"}',
      `{"from":"${masked}@c.us","body":"Hola"}`],
    ['named from in a query', '/messages?from=5215512345678', `/messages?from=${masked}`],
    ['in prose with a plus', 'no se pudo enviar a +5215512345678.',
      `no se pudo enviar a ${masked}.`],
    ['in prose as a chat id', 'chat 5215512345678@c.us closed', `chat ${masked}@c.us closed`],
    ['as an old group\'s id', 'group 5215512345678-1585432100@g.us',
      `group ${masked}-1585432100@g.us`],
    ['in prose as a URL-encoded number', 'a %2B5215512345678 b', `a ${masked} b`],
    ['written with spaces after a plus', 'to=+52 55 1234 5678', `to=${masked}`],
    ['written with spaces in JSON', '{"phone":"+52 1 55 1234 5678"}', `{"phone":"${masked}"}`],
    ['written with dashes in a phone field', '{"phone":"55-1234-5678"}', `{"phone":"${masked}"}`],
    ['written with parentheses in a to field', '{"to":"(55) 1234-5678"}', `{"to":"${masked}"}`],
    ['written with spaces in prose', 'llamar al +52 55 1234 5678 hoy', `llamar al ${masked} hoy`],
    ['with one space after the country', 'al +52 5512345678', `al ${masked}`],
    ['with the country and area together', 'al +5255 1234 5678', `al ${masked}`],
    ['with no-break spaces', 'al +52\u00a055\u202f1234 5678', `al ${masked}`],
  ])('keeps only the last 4 digits of one %s', (_name, input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it('gives every number the same dots, so the mask does not tell its length', () => {
    expect(redact('to=12345678 phone=123456785678')).toBe(`to=${masked} phone=${masked}`);
  });

  it.each([
    ['a date range', '/api/positions?from=2024-03-01&to=2024-03-02'],
    ['a short id', 'GET /messages?token=[redacted]&to=1'],
    ['an email recipient', '{"to":"guardia@flotas.mx","subject":"Alerta"}'],
    ['a number in prose with no plus, which names no recipient',
      'instance12345 to 5215512345678'],
    ['a plus before a short number', 'retry +12345678 ms'],
    ['UltraMsg\'s validation error', '{"error":[{"to":"is required"},{"body":"is required"}]}'],
    ['a longer id than a phone number', 'to=12345678901234567'],
    ['a date in a to field', '{"from":"2024-03-01","to":"2024-03-02"}'],
    ['a sum with a plus', 'total +1 2 3 = 6'],
  ])('leaves %s as it is', (_name, text) => {
    expect(redact(text)).toBe(text);
  });

  it('gives the same text when applied twice', () => {
    const once = redact(
      'to=5215512345678&chatId=5215512345678@c.us {"phone":5215512345678} +5215512345678',
    );
    expect(redact(once)).toBe(once);
  });
});

describe('redactValue, with phone numbers in fields', () => {
  it('masks to, phone and chatId values and leaves other recipients alone', () => {
    const value = {
      to: '+5215512345678', chatId: '5215512345678@c.us', phone: 5215512345678,
      mail: { to: 'guardia@flotas.mx' }, range: { to: '2024-03-02' },
      contact: { phone: '+52 55 1234 5678', from: '(55) 1234-5678' },
    };

    expect(redactValue(value)).toEqual({
      contact: { phone: masked, from: masked },
      to: masked, chatId: `${masked}@c.us`, phone: masked,
      mail: { to: 'guardia@flotas.mx' }, range: { to: '2024-03-02' },
    });
  });

  it('still hides a phone number held inside a secret object whole', () => {
    expect(redactValue({ credentials: { phone: '5215512345678' } }))
      .toEqual({ credentials: { phone: '[redacted]' } });
  });
});

describe('diagnose, with an UltraMsg error line', () => {
  it('shows the recipient masked', () => {
    const line = 'Error: Request failed with status code 401 POST https://api.ultramsg.com/'
      + 'instance1/messages/chat?token=t0k3n99x&to=5215512345678';

    const { text } = diagnose(line);

    expect(text).toContain(`&to=${masked}`);
    expect(text).not.toContain('5215512345678');
  });
});
