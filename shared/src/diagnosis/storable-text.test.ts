import { describe, expect, it } from 'vitest';
import { REPLACEMENT_CHARACTER as R, sliceWhole, storableText } from './storable-text.ts';

describe('storableText', () => {
  it.each([
    ['a NUL', 'bad\u0000byte', `bad${R}byte`],
    ['NULs in a row', '\u0000\u0000x', `${R}${R}x`],
    ['a high surrogate alone', 'a\uD83Db', `a${R}b`],
    ['a low surrogate alone', 'a\uDE00b', `a${R}b`],
    ['a high surrogate at the end', 'cut\uD83D', `cut${R}`],
  ])('replaces %s', (_name, text, stored) => {
    expect(storableText(text)).toBe(stored);
  });

  it('keeps text PostgreSQL can store, emoji and control characters included', () => {
    const text = 'Camión 😀 sin señal\t\r\n\u0001 ok';
    expect(storableText(text)).toBe(text);
  });
});

describe('sliceWhole', () => {
  it('cuts one unit earlier rather than split an emoji in two', () => {
    expect(sliceWhole('ab😀', 3)).toBe('ab');
    expect(sliceWhole('ab😀', 4)).toBe('ab😀');
    expect(sliceWhole('abcd', 3)).toBe('abc');
  });
});
