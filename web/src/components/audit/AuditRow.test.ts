import type { AuditEntry } from '@turno/shared';
import { describe, expect, it } from 'vitest';
import { mountApp } from '../../test-utils.ts';
import { auditSample } from './audit-fixtures.ts';
import AuditRow from './AuditRow.vue';

function entry(overrides: Partial<AuditEntry>): AuditEntry {
  return auditSample('schedule.pause', { actor: 'operador', role: 'operator', ...overrides });
}

function mounted(row: AuditEntry, locale: 'es-MX' | 'en' = 'es-MX') {
  const { wrapper } = mountApp(AuditRow, { props: { entry: row } }, locale);
  const text = (id: string) => wrapper.get(`[data-testid="${id}"]`).text();
  const changes = () => wrapper.findAll('[data-testid="audit-change"]').map((li) => li.text());
  return { wrapper, text, changes };
}

function detailOf(overrides: Partial<AuditEntry>): string {
  return mounted(entry(overrides)).text('audit-detail');
}

describe('AuditRow', () => {
  it('tells a storage growth in words: the action, the database, GiB before and after', () => {
    const { text, changes } = mounted(auditSample('database.grow-storage'));

    expect(text('audit-title')).toBe('Aumentar almacenamiento');
    expect(text('audit-target')).toBe('Base de datos flotas-develop');
    expect(changes()).toEqual([
      'Almacenamiento: 100 GiB → 120 GiB', 'Libre antes: 7 GiB (7 %)',
      'Estado de la base: disponible → modificándose',
    ]);
  });

  it('tells a pause as the schedule\'s state before and after', () => {
    const { text, changes } = mounted(entry({}));

    expect(text('audit-target')).toBe('Programación linde-mix-get-positions');
    expect(changes()).toEqual(['Estado: Activa → En pausa']);
  });

  it('names the alert by its cause and card, links to it, and says its state in words', () => {
    const row = auditSample('alert.resolve', {
      targetTitle: { es: 'Almacenamiento de RDS lleno', en: 'RDS storage full' },
    });
    const { wrapper, text, changes } = mounted(row);

    expect(text('audit-target')).toBe('Alerta de la tarjeta 4.1: Almacenamiento de RDS lleno');
    expect(wrapper.get('[data-testid="audit-target"] a').attributes('href'))
      .toBe('/alertas/1ab91500-c9d4-4e63-8f3a-6a3f2b1c0d9e');
    expect(changes()).toEqual(['Alerta: reconocida → resuelta']);
  });

  it('gives a drill\'s time on and off in words, and its times in Mexico City', () => {
    const { wrapper, changes, text } = mounted(auditSample('drill.on'));

    expect(text('audit-target')).toBe('Simulacro: Disco del servidor cron lleno');
    expect(changes()).toEqual(['Simulacro: apagado → encendido']);
    expect(wrapper.get('time').text()).toMatch(/^4 dic 2026, 2:25\s?a\.m\.$/);
    expect(wrapper.text()).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it.each([
    ['es-MX', 'Recursos: Bases de datos (RDS), Disco del servidor cron, WhatsApp (UltraMsg)'],
    ['en', 'Resources: Databases (RDS), Cron server disk, WhatsApp (UltraMsg)'],
  ] as const)('names a window\'s probes and services as Estado does, in %s', (lang, says) => {
    const sample = auditSample('maintenance.add');
    const window = { ...(sample.after as object), resources: ['rds', 'cron-disk', 'ultramsg'] };
    const added = mounted({ ...sample, after: window }, lang);
    const ended = mounted({ ...auditSample('maintenance.end'), before: window }, lang);

    expect(added.changes()).toContain(says);
    expect(ended.changes()).toContain(says);
  });

  it.each([
    ['operador', 'operator', 'es-MX', /^por operador ·/],
    ['pepito', 'operator', 'es-MX', /^por pepito \(operador\) ·/],
    ['operador', 'operator', 'en', /^by operador \(operator\) ·/],
  ] as const)('names who acted, %s as %s, without saying the role twice, in %s', (...row) => {
    const [actor, role, locale, says] = row;

    const { text } = mounted(entry({ actor, role }), locale);

    expect(text('audit-by')).toMatch(says);
    expect(text('audit-by')).not.toContain('operador (operador)');
  });

  it('keeps the stored row behind "Detalles", with its times in Mexico City', () => {
    const { wrapper } = mounted(auditSample('drill.on'));

    const details = wrapper.get('[data-testid="audit-details"]');
    expect(details.element.tagName).toBe('DETAILS');
    expect(details.get('summary').text()).toBe('Detalles');
    expect(details.get('pre').text()).toMatch(/"since": "4 dic 2026, 2:24\s?a\.m\."/);
  });

  it('says what the flush command did instead of its SSM id', () => {
    expect(mounted(auditSample('cron-host.pm2-flush')).text('audit-detail'))
      .toBe('El comando terminó bien en el servidor.');
  });

  it('says in Spanish that a schedule was already in the state asked for', () => {
    expect(detailOf({ detail: 'already in that state' }))
      .toBe('Ya estaba en ese estado; no se cambió nada.');
  });

  it('translates the error code of a failed action, marked as a failure', () => {
    const { wrapper, text } = mounted(
      entry({ outcome: 'failed', detail: 'schedule_not_found', after: null }),
    );

    expect(text('audit-detail')).toBe('Esa programación no existe.');
    expect(wrapper.get('[data-testid="audit-detail"]').classes()).toContain('audit__failed');
    expect(wrapper.get('.badge').text()).toBe('falló');
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

  it('shows an action this version does not know as written, its data in Detalles', () => {
    const { text, changes } = mounted(entry({ action: 'future.thing', target: 'x/y' }));

    expect(text('audit-title')).toBe('future.thing');
    expect(text('audit-target')).toBe('x/y');
    expect(changes()).toEqual([]);
  });

  it('clamps a very long target instead of letting it fill the page', () => {
    const name = 'x'.repeat(5_000);
    const { wrapper } = mounted(entry({ target: `default/${name}` }));

    const shown = wrapper.get('[data-testid="audit-target"]');
    expect(shown.classes()).toContain('audit__clamp');
    expect(shown.text()).toBe(`Programación ${name}`);
  });
});
