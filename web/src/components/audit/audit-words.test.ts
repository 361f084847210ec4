import { auditActions, type AuditAction } from '@turno/shared';
import { mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import { defineComponent } from 'vue';
import { useAuditWords } from '../../composables/useAuditWords.ts';
import en from '../../i18n/en.json';
import esMX from '../../i18n/es-MX.json';
import { createTurnoI18n } from '../../i18n/index.ts';
import { actionKey, describeAudit } from './audit-describe.ts';
import { auditSample } from './audit-fixtures.ts';

const locales = [['es-MX', esMX], ['en', en]] as const;

function message(messages: object, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

function describeIn(locale: 'es-MX' | 'en', action: AuditAction) {
  let view: ReturnType<typeof describeAudit> | undefined;
  mount(defineComponent({
    setup() {
      view = describeAudit(auditSample(action), useAuditWords());
      return () => null;
    },
  }), { global: { plugins: [createPinia(), createTurnoI18n(locale)] } });
  if (!view) throw new Error('not described');
  return view;
}

// Raw keys, JSON, ISO instants, AWS's upper-case states or message placeholders left unfilled.
const raw = /[{}"[\]]|\d{4}-\d{2}-\d{2}T|\b(?:ENABLED|DISABLED)\b|\b[a-z]{2,}[._][a-z]{2,}/;

describe('the words for every audited action', () => {
  it('knows the kinds the API audits', () => {
    expect(auditActions).toContain('database.grow-storage');
    expect(auditActions.length).toBeGreaterThanOrEqual(18);
  });

  it.each(locales)('names every audited action in %s', (_locale, messages) => {
    const missing = auditActions.filter((action) => !message(messages, actionKey(action)));

    expect(missing).toEqual([]);
  });

  it.each(auditActions.flatMap((action) => locales.map(([locale]) => [action, locale] as const)))(
    'tells %s in %s in words, with its target named and what changed',
    (action, locale) => {
      const view = describeIn(locale, action);

      expect(view.title).not.toBe(action);
      expect(view.lines.length).toBeGreaterThan(0);
      for (const shown of [view.title, view.target, ...view.lines]) {
        expect(shown).not.toMatch(raw);
      }
    },
  );
});
