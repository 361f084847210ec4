import type { CategoryId } from '../diagnosis/types.ts';

/**
 * Probe categories that name a cause Sync_error names too: RDS reports storage-full where
 * UP's functions write "No space left on device", and a stopped RDS is what their
 * "ECONNREFUSED …:5432" means.
 */
const sameCause: Partial<Record<CategoryId, CategoryId>> = {
  'rds-storage-full': 'database-disk-full',
  'rds-unavailable': 'database-unreachable',
};

/** The category an alert key is named after: one cause, one name, whoever saw it. */
export function causeCategory(category: CategoryId): CategoryId {
  return sameCause[category] ?? category;
}

/**
 * The dedup key of a cause: its category, plus a scope where the cause is one alert per
 * thing (a provider, a database, an instance, a probe). UltraMsg's non-payment is
 * "whatsapp-unpaid" whether the probe saw it or UP's failed sends did.
 */
export function alertKey(category: CategoryId, scope?: string | null): string {
  const cause = causeCategory(category);
  return scope ? `${cause}:${scope}` : cause;
}
