import { describe, expect, it } from 'vitest';
import { errorCatalog } from '@turno/shared';
import en from './en.json';
import esMX from './es-MX.json';

function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? keys(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}`]);
}

function leaves(messages: object): string[] {
  return Object.values(messages).flatMap((value) =>
    typeof value === 'object' && value !== null ? leaves(value as object) : [String(value)]);
}

describe('messages', () => {
  it('has every es-MX key in English', () => {
    expect(keys(en).filter((key) => !keys(esMX).includes(key))).toEqual([]);
    expect(keys(esMX).filter((key) => !keys(en).includes(key))).toEqual([]);
  });

  it('translates every code of the error catalog', () => {
    const missing = Object.keys(errorCatalog).filter((code) => !(code in esMX.errors));

    expect(missing).toEqual([]);
  });

  it.each([['es-MX', esMX], ['en', en]])('leaves no %s message empty', (_name, messages) => {
    expect(leaves(messages).filter((text) => text.trim() === '')).toEqual([]);
  });

  // es-MX times end in "p.m.": a period right after a date would print twice.
  it.each([['es-MX', esMX], ['en', en]])('ends no %s sentence right after a date', (_n, m) => {
    expect(leaves(m).filter((text) => /\{date\}\.\s*$/.test(text))).toEqual([]);
  });
});
