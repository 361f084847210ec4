import type { AuditEntry } from '@turno/shared';
import { describe, expect, it } from 'vitest';
import { mountApp } from '../../test-utils.ts';
import AuditRow from './AuditRow.vue';

function entry(overrides: Partial<AuditEntry>): AuditEntry {
  return {
    id: '1', at: '2026-12-03T19:38:00.000Z', actor: 'operador', role: 'operator',
    action: 'schedule.pause', target: 'default/linde-mix-get-events',
    before: { state: 'ENABLED' }, after: { state: 'DISABLED' }, outcome: 'ok', detail: null,
    ...overrides,
  };
}

function detailOf(overrides: Partial<AuditEntry>): string {
  const { wrapper } = mountApp(AuditRow, { props: { entry: entry(overrides) } });
  return wrapper.get('[data-testid="audit-detail"]').text();
}

describe('AuditRow', () => {
  it('says in Spanish that a schedule was already in the state asked for', () => {
    expect(detailOf({ detail: 'already in that state' }))
      .toBe('Ya estaba en ese estado; no se cambió nada.');
  });

  it('translates the error code of a failed action', () => {
    const text = detailOf({ outcome: 'failed', detail: 'schedule_not_found', after: null });

    expect(text).toBe('Esa programación no existe.');
  });

  it('tells a dropped start date in Mexico City time, with one final period', () => {
    const detail = 'start date 2026-01-05T18:00:00.000Z dropped: it had passed';
    const text = detailOf({ detail });

    expect(text).toMatch(/^Se quitó su fecha de inicio \(5 ene 2026, 12:00\s?p\.m\.\) porque/);
    expect(text).not.toContain('dropped');
    expect(text).not.toMatch(/\.\.$/);
  });

  it('shows a detail it does not know as the API wrote it', () => {
    expect(detailOf({ detail: 'Lambda throttled: retry later' }))
      .toBe('Lambda throttled: retry later');
  });

  it('keeps an unknown code readable rather than hiding it', () => {
    expect(detailOf({ outcome: 'failed', detail: 'brand_new_code' })).toBe('brand_new_code');
  });

  it('clamps a very long target instead of letting it fill the page', () => {
    const target = `default/${'x'.repeat(5_000)}`;
    const { wrapper } = mountApp(AuditRow, { props: { entry: entry({ target }) } });

    const shown = wrapper.get('[data-testid="audit-target"]');
    expect(shown.classes()).toContain('audit__clamp');
    expect(shown.text()).toBe(target);
  });
});
