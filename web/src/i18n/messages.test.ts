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

  // "1 errores" reads wrong: a count before a plural noun needs its singular form too.
  const counted = ['alert', 'alerts', 'infraAlert', 'oncall', 'diagnose', 'messaging.token'];
  const byLocale = { 'es-MX': esMX, en };
  it.each(counted.flatMap((path) => [[path, 'es-MX'], [path, 'en']] as const))(
    'gives every count in %s (%s) its singular',
    (path, locale) => {
      const section = path.split('.').reduce<object>(
        (at, key) => (at as Record<string, object>)[key] ?? {}, byLocale[locale]);
      const plural = /\{\w+\} (?!(?:is|was|has|does)\b)[a-záéíóúñ]+s\b/;

      expect(leaves(section).filter((text) => plural.test(text) && !text.includes('|')))
        .toEqual([]);
    },
  );

  // "7 %" must not break between the number and its sign on a narrow screen.
  it.each(['es-MX', 'en'] as const)('ties each reading\'s percent sign to its number in %s',
    (locale) => {
      expect(leaves(byLocale[locale].infraAlert).filter((text) => / %/.test(text))).toEqual([]);
    });
});
