import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent } from 'vue';
import { createTurnoI18n } from '../i18n/index.ts';
import { useDuration } from './useDuration.ts';

function inAbout(hours: number, locale: 'es-MX' | 'en' = 'es-MX'): string {
  let text = '';
  mount(defineComponent({
    setup() {
      text = useDuration().inAbout(hours);
      return () => null;
    },
  }), { global: { plugins: [createTurnoI18n(locale)] } });
  return text;
}

describe('useDuration', () => {
  it.each([
    [0.4, 'en menos de una hora'],
    [1.2, 'en cerca de una hora'],
    [11.6, 'en unas 12 horas'],
    [47, 'en unas 47 horas'],
    [3626.2, 'en unos 151 días'],
    [24 * 400, 'en más de un año'],
  ])('says %s h as "%s"', (hours, words) => {
    expect(inAbout(hours)).toBe(words);
  });

  it('speaks English too', () => {
    expect(inAbout(3626.2, 'en')).toBe('in about 151 days');
  });
});
