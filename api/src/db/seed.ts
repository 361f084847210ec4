import { readFileSync } from 'node:fs';

const seedFile = new URL('./seed/sync_error_sample.sql', import.meta.url);

/** The runbook's Sync_error table and rows, for the embedded database and test databases. */
export function syncErrorSeedSql(): string {
  return readFileSync(seedFile, 'utf8');
}
