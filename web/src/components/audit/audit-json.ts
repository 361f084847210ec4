import type { AuditEntry } from '@turno/shared';

const isoInstant =
  /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})/g;

/**
 * The row as stored, for "Detalles": the API has redacted it already; every ISO instant in it,
 * inside a sentence too, is written as `dateTime` writes it (Mexico City time).
 */
export function auditDetails(entry: AuditEntry, dateTime: (iso: string) => string): string {
  const local = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replace(isoInstant, (iso) => dateTime(iso));
    if (Array.isArray(value)) return value.map(local);
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, local(v)]));
    }
    return value;
  };
  const { action, target, before, after, detail } = entry;
  return JSON.stringify(local({ action, target, before, after, detail }), null, 2);
}
