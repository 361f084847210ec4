export * from './errors/catalog.ts';
export * from './diagnosis/types.ts';
export * from './diagnosis/diagnose.ts';
export * from './runbook/types.ts';
export * from './api/schemas.ts';
