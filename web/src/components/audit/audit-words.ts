import type { AuditEntry, Bilingual } from '@turno/shared';

/** The translation and formatting helpers an audit row is put into words with. */
export interface AuditWords {
  t(key: string, params?: Record<string, unknown>, plural?: number): string;
  te(key: string): boolean;
  /** Mexico City date and time; "—" for none. */
  dateTime(iso: string | null | undefined): string;
  rdsStatus(status: string): string;
  /** A runbook card's title in the reader's language, when the card exists. */
  cardTitle(card: string): string | null;
  text(value: Bilingual): string;
  /** A resource a maintenance window names: Turno's probes and services as Estado names them. */
  resourceName(name: string): string;
}

/** One audit row in words: what was done, to what, and what changed. */
export interface AuditView {
  title: string;
  target: string;
  /** The alert a row is about, for a link; null for anything else. */
  alertId: string | null;
  lines: string[];
}

export type Describe = (entry: AuditEntry, words: AuditWords) => Array<string | null>;

export type Fields = Record<string, unknown>;

/** A stored before/after as fields: anything but an object reads as having none. */
export function fields(value: unknown): Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? value as Fields : {};
}

export function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * "Estado: Activa → En pausa" when both sides differ, "(sin cambios)" when they do not, the one
 * value alone when only one side has it, nothing when neither has.
 */
export function change(
  w: AuditWords, field: string, from: string | null, to: string | null,
): string | null {
  const label = w.t(`audit.field.${field}`);
  if (from !== null && to !== null) {
    return from === to
      ? w.t('audit.line.same', { label, value: from })
      : w.t('audit.line.change', { label, from, to });
  }
  const value = from ?? to;
  return value === null ? null : w.t('audit.line.fact', { label, value });
}

export function fact(w: AuditWords, field: string, value: string | null): string | null {
  return change(w, field, null, value);
}
