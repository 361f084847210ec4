import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent } from 'vue';
import { createTurnoI18n } from '../i18n/index.ts';
import { useRoleWord } from './useRoleWord.ts';

function roleWordIn(locale: 'es-MX' | 'en') {
  let roleWord: ReturnType<typeof useRoleWord> | undefined;
  mount(defineComponent({
    setup() {
      roleWord = useRoleWord();
      return () => null;
    },
  }), { global: { plugins: [createTurnoI18n(locale)] } });
  if (!roleWord) throw new Error('not set up');
  return roleWord;
}

describe('useRoleWord', () => {
  it.each([
    ['pepito', 'operator', 'es-MX', 'operador'],
    ['operador', 'operator', 'es-MX', null],
    ['Operador ', 'operator', 'es-MX', null],
    ['admin', 'admin', 'es-MX', 'administrador'],
    ['operador', 'operator', 'en', 'operator'],
    ['viewer', 'viewer', 'en', null],
    ['pepito', null, 'es-MX', null],
  ] as const)('words %s\'s role %s in %s as %s, none where the name says it', (...row) => {
    const [user, role, locale, word] = row;

    expect(roleWordIn(locale)(user, role)).toBe(word);
  });
});
