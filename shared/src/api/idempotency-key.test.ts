import { describe, expect, it } from 'vitest';
import { parseIdempotencyKey } from './idempotency-key.ts';

describe('parseIdempotencyKey', () => {
  it.each([
    ['a UUID', '3f1c9d2e-8a7b-4c6d-9e0f-1a2b3c4d5e6f'],
    ['base64 with slash, plus and padding', 'abc/def+=='],
    ['a key of 128 characters', 'k'.repeat(128)],
    ['a single character', 'x'],
  ])('accepts %s', (_name, key) => {
    expect(parseIdempotencyKey(key)).toBe(key);
  });

  it('lets a request without the header through', () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
  });

  it.each([
    ['an empty key', ''],
    ['a key of 129 characters', 'k'.repeat(129)],
    ['a space', 'tap 1'],
    ['a non-ASCII letter', 'llave-ñ'],
    ['a control character', 'tap\u0007'],
  ])('refuses %s with idempotency_key_invalid', (_name, key) => {
    expect(() => parseIdempotencyKey(key)).toThrow(expect.objectContaining({
      name: 'TurnoError', code: 'idempotency_key_invalid', status: 400,
    }));
  });
});
