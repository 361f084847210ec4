import { describe, expect, it } from 'vitest';
import { categoryDefaults } from './categories.ts';
import { diagnose, MAX_TEXT_LENGTH } from './diagnose.ts';

describe('diagnose', () => {
  it.each([
    ['a full disk', 'could not extend file "base/1/2": No space left on device', 'critical'],
    ['an unreachable database', 'connect ECONNREFUSED 10.0.3.7:5432', 'critical'],
    ['a dropped database connection', 'Connection terminated unexpectedly', 'critical'],
    ['an exhausted pool', 'timeout exceeded when trying to connect', 'high'],
    ['a provider timeout', 'timeout of 3000ms exceeded', 'warning'],
    ['a blocked user', 'Request failed with status code 403', 'high'],
  ])('rates %s as %s', (_name, text, severity) => {
    expect(diagnose(text).severity).toBe(severity);
  });

  it('shortens long text to the limit, marking the cut', () => {
    const long = `deadlock detected ${'x'.repeat(2000)}`;

    const { text, category } = diagnose(long);

    expect(category).toBe('database-deadlock');
    expect(text).toHaveLength(MAX_TEXT_LENGTH);
    expect(text.endsWith('…')).toBe(true);
  });

  it('keeps text that fits whole', () => {
    const text = 'y'.repeat(MAX_TEXT_LENGTH);
    expect(diagnose(text).text).toBe(text);
  });

  it('redacts secrets from the text it returns', () => {
    const dump = {
      message: 'Request failed with status code 401 for ?token=a1b2c3d4 Bearer 9f8e7d6c5b4a3210',
      code: 'ERR_BAD_REQUEST',
      config: { url: 'https://api.ultramsg.com/instance1/messages/chat?token=a1b2c3d4' },
    };

    const { text, category } = diagnose(dump);

    expect(category).toBe('whatsapp-config');
    expect(text).not.toContain('a1b2c3d4');
    expect(text).not.toContain('9f8e7d6c5b4a3210');
    expect(text).toContain('token=[redacted]');
  });

  it('classifies a row carrying NULs and returns text PostgreSQL can store', () => {
    const { text, category } = diagnose('{"message":"timeout of 3000ms\\u0000 exceeded\\u0000"}');

    expect(category).toBe('provider-timeout');
    expect(text).toBe('timeout of 3000ms\uFFFD exceeded\uFFFD');
  });

  it('never ends its cut in half an emoji', () => {
    const { text } = diagnose(`${'x'.repeat(MAX_TEXT_LENGTH - 2)}😀 and more`);
    expect(text).toBe(`${'x'.repeat(MAX_TEXT_LENGTH - 2)}…`);
  });

  it('redacts before shortening, so a cut never reveals part of a secret', () => {
    const text = `${'z'.repeat(480)} password=${'s'.repeat(40)}`;
    expect(diagnose(text).text).not.toContain('sssss');
  });

  it('classifies 64 KB of pasted text by an error at its very end', () => {
    const log = `${'at Object.<anonymous> (/var/task/index.js:12:34)\n'.repeat(1300)}`
      + 'could not extend file "base/16398/1160232.23": No space left on device';

    expect(diagnose(log)).toMatchObject({ category: 'database-disk-full', card: '4.1' });
  });

  it('hides a 64 KB token it found without failing: no regular expression holds it', () => {
    const token = `eyJhbGciOi${'A'.repeat(64_000)}`;

    const { text } = diagnose(`Authorization: Bearer ${token} then ${token}`);

    expect(text).not.toContain('AAAAAAAAAA');
    expect(text).toContain('[redacted]');
  });

  it('parses the time Gmail says to retry after', () => {
    const body = { error: {
      code: 429,
      message: 'User-rate limit exceeded.  Retry after 2024-03-07T18:03:15.961Z',
    } };

    expect(diagnose(body).facts).toEqual({
      provider: 'google',
      httpStatus: 429,
      retryAfter: '2024-03-07T18:03:15.961Z',
    });
  });

  it('names who failed: the database, even in a MiX function', () => {
    const result = diagnose('connect ECONNREFUSED 10.0.3.7:5432', { dataSourceId: 1 });
    expect(result.facts).toEqual({
      errorCode: 'ECONNREFUSED',
      host: '10.0.3.7',
      port: 5432,
      provider: 'postgres',
    });
  });

  it('names who failed: the data source of the row for a provider error', () => {
    const result = diagnose('timeout of 4000ms exceeded', {
      dataSourceId: 2,
      functionName: 'linde-guardian-positions',
    });
    expect(result.facts).toEqual({ timeoutMs: 4000, provider: 'guardian' });
  });

  it('gives each category its usual card unless context says otherwise', () => {
    const result = diagnose('deadlock detected');
    expect(result.card).toBe(categoryDefaults['database-deadlock'].card);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['an empty string', ''],
    ['a number', 3.5],
    ['an empty array', []],
    ['an empty object', {}],
    ['a symbol', Symbol('s')],
  ])('answers %s as unclassified without throwing', (_name, value) => {
    expect(diagnose(value)).toMatchObject({ category: 'unclassified', card: null });
  });
});
