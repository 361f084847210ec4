import { describe, expect, it } from 'vitest';
import { inLocale, isAppLocale } from './locale.ts';

describe('app locales', () => {
  it.each(['es-MX', 'en'])('knows %s', (locale) => {
    expect(isAppLocale(locale)).toBe(true);
  });

  it.each(['es', 'en-US', 'fr', '', null, 3])('refuses %s', (value) => {
    expect(isAppLocale(value)).toBe(false);
  });

  it('picks the text of a bilingual pair in each locale', () => {
    const text = { es: 'Disco lleno', en: 'Disk full' };

    expect([inLocale(text, 'es-MX'), inLocale(text, 'en')]).toEqual(['Disco lleno', 'Disk full']);
  });
});
