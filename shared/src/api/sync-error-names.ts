/**
 * A Sync_error table or column name as the API accepts it (SYNC_ERROR_*), and as the CDK
 * configuration's `syncError` checks it: a plain SQL identifier, optionally schema-qualified.
 */
export const sqlIdentifierPattern = /^([A-Za-z_][A-Za-z0-9_]*\.)?[A-Za-z_][A-Za-z0-9_]*$/;

/** The deploy configuration's `syncError` fields and the variables they set. */
export const syncErrorVariables = {
  table: 'SYNC_ERROR_TABLE',
  idColumn: 'SYNC_ERROR_ID_COLUMN',
  jsonColumn: 'SYNC_ERROR_JSON_COLUMN',
  createdColumn: 'SYNC_ERROR_CREATED_COLUMN',
  functionColumn: 'SYNC_ERROR_FUNCTION_COLUMN',
  sourceColumn: 'SYNC_ERROR_SOURCE_COLUMN',
  clientColumn: 'SYNC_ERROR_CLIENT_COLUMN',
} as const;

export type SyncErrorNames = Partial<Record<keyof typeof syncErrorVariables, string>>;
