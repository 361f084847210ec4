import type { SyncErrorRow } from '@turno/shared';
import { mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { createTurnoI18n } from '../../i18n/index.ts';
import { createTurnoRouter } from '../../router.ts';
import HealthTable from './HealthTable.vue';

function row(overrides: Partial<SyncErrorRow> = {}): SyncErrorRow {
  return {
    id: '59521', category: 'Error en las APIs externas', status: 'Creado',
    description: 'Request failed with status code 403', function: 'linde-guardian-positions',
    client: '58529', source: 'Guardian', createdAt: '2026-12-04T08:30:00.000Z',
    diagnosis: { category: 'provider-forbidden', card: '2.1' },
    ...overrides,
  };
}

function cells(rows: SyncErrorRow[], locale: 'es-MX' | 'en') {
  const pinia = createPinia();
  const wrapper = mount(HealthTable, {
    props: { rows },
    global: {
      plugins: [pinia, createTurnoRouter(createMemoryHistory(), pinia), createTurnoI18n(locale)],
    },
  });
  return wrapper.findAll('[data-testid="health-row"]').map((tr) =>
    tr.findAll('td').slice(1, 3).map((td) => td.text()));
}

describe('HealthTable', () => {
  it('says UP\'s category and status in English in the English app', () => {
    expect(cells([row()], 'en')).toEqual([['External API error', 'Created']]);
  });

  it('keeps them as UP shows them in Spanish', () => {
    expect(cells([row()], 'es-MX')).toEqual([['Error en las APIs externas', 'Creado']]);
  });

  it('shows the client UP\'s row is about, or a dash when the row names none', () => {
    const wrapper = mount(HealthTable, {
      props: { rows: [row(), row({ id: '59522', client: null })] },
      global: { plugins: [createTurnoI18n('es-MX')] },
    });

    expect(wrapper.findAll('[data-testid="health-client"]').map((td) => td.text()))
      .toEqual(['58529', '—']);
  });

  it('shows a category it does not know as UP wrote it', () => {
    expect(cells([row({ category: 'Otra cosa' })], 'en')).toEqual([['Otra cosa', 'Created']]);
  });
});
