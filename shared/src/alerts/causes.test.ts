import { describe, expect, it } from 'vitest';
import { alertKey, causeCategory } from './causes.ts';
import { groupByAlertKey, type DiagnosedRow } from './group.ts';

describe('alertKey', () => {
  it('names a cause the same whether a probe or Sync_error saw it', () => {
    expect(alertKey('whatsapp-unpaid')).toBe('whatsapp-unpaid');
    expect(alertKey('rds-storage-full')).toBe(alertKey('database-disk-full'));
    expect(alertKey('rds-unavailable')).toBe(alertKey('database-unreachable'));
    expect(causeCategory('rds-storage-full')).toBe('database-disk-full');
  });

  it('adds the scope of causes that are one alert per thing', () => {
    expect(alertKey('rds-cpu-high', 'flotas-develop')).toBe('rds-cpu-high:flotas-develop');
    expect(alertKey('provider-forbidden', 'MIX')).toBe('provider-forbidden:MIX');
    expect(alertKey('gmail-token', null)).toBe('gmail-token');
  });

  it('is the key Sync_error rows are grouped under', () => {
    const row = (category: DiagnosedRow['category'], dataSourceId: number): DiagnosedRow => ({
      id: '1', createdAt: new Date(0), category, card: null, functionName: null, dataSourceId,
    });
    const groups = groupByAlertKey(
      [row('whatsapp-unpaid', 1), row('provider-forbidden', 1)], () => 'MIX',
    );
    expect([...groups.keys()]).toEqual([
      alertKey('whatsapp-unpaid'), alertKey('provider-forbidden', 'MIX'),
    ]);
  });
});
