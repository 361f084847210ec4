import { describe, expect, it } from 'vitest';
import {
  groupByAlertKey, groupByCause, providerCard, summarizeCause, tally, type DiagnosedRow,
} from './group.ts';
import { rowsBetween, sampleRows } from './sync-error-sample.fixture.ts';

const sourceNames: Record<number, string> = { 1: 'MIX', 2: 'Guardian' };

describe('groupByCause', () => {
  it('makes one cause of the disk-full burst across four functions and two sources', () => {
    const groups = groupByCause(rowsBetween(sampleRows, 6, 20));
    expect([...groups.keys()]).toEqual(['database-disk-full']);

    const rows = groups.get('database-disk-full') ?? [];
    const summary = summarizeCause(rows, (id) => sourceNames[id]);
    expect(summary.count).toBe(15);
    expect(summary.functions).toEqual([
      { name: 'linde-mix-get-positions', count: 6 },
      { name: 'linde-mix-get-events', count: 4 },
      { name: 'linde-guardian-positions', count: 3 },
      { name: 'linde-mix-get-active-events', count: 2 },
    ]);
    expect(summary.sources).toEqual([
      { name: 'MIX', count: 12 },
      { name: 'Guardian', count: 3 },
    ]);
    expect(summary.firstSeen.toISOString()).toBe('2024-03-25T15:40:21.756Z');
    expect(summary.lastSeen.toISOString()).toBe('2024-03-25T15:46:28.655Z');
  });

  it('keeps each cause of the whole sample apart, with its card', () => {
    const groups = groupByCause(sampleRows);
    const counts = [...groups].map(([category, rows]) => [category, rows.length, rows[0]?.card]);
    expect(counts).toEqual([
      ['provider-timeout', 7, '5.1'],
      ['provider-rate-limited', 2, '5.1'],
      ['database-disk-full', 15, '4.1'],
    ]);
  });

  it('returns no groups for no rows', () => {
    expect(groupByCause([]).size).toBe(0);
  });
});

describe('summarizeCause', () => {
  it('shows an unnamed data source by its number', () => {
    const summary = summarizeCause(rowsBetween(sampleRows, 8, 8));
    expect(summary.sources).toEqual([{ name: '2', count: 1 }]);
  });
});

describe('tally', () => {
  it.each([
    ['no values', [], []],
    ['only nulls', [null, null], []],
    ['one name repeated', ['a', 'a'], [{ name: 'a', count: 2 }]],
    ['names of different counts', ['b', 'a', 'b'], [
      { name: 'b', count: 2 },
      { name: 'a', count: 1 },
    ]],
    ['a tie, broken by name', ['z', 'y', null], [{ name: 'y', count: 1 }, { name: 'z', count: 1 }]],
  ])('counts %s', (_name, values, expected) => {
    expect(tally(values)).toEqual(expected);
  });
});

describe('groupByAlertKey', () => {
  const row = (
    id: string, category: DiagnosedRow['category'], dataSourceId: number | null,
  ): DiagnosedRow => ({
    id, createdAt: new Date('2026-03-02T15:00:00Z'), category, card: '2.1',
    functionName: dataSourceId === 2 ? 'linde-guardian-positions' : 'linde-mix-get-events',
    dataSourceId,
  });
  const names = (id: number) => sourceNames[id];

  it('makes one alert per provider of a blocked user, and one per cause of the rest', () => {
    const groups = groupByAlertKey([
      row('1', 'provider-forbidden', 1),
      row('2', 'provider-forbidden', 2),
      row('3', 'provider-timeout', 1),
      row('4', 'provider-forbidden', 1),
      row('5', 'provider-timeout', 2),
    ], names);

    expect([...groups.values()].map((group) => [group.key, group.provider,
      group.rows.map((r) => r.id)])).toEqual([
      ['provider-forbidden:MIX', 'MIX', ['1', '4']],
      ['provider-forbidden:Guardian', 'Guardian', ['2']],
      ['provider-timeout', null, ['3', '5']],
    ]);
  });

  it('keys a rejected password by provider too, an unknown source by its number', () => {
    const groups = groupByAlertKey([row('1', 'provider-unauthorized', 7)], names);

    expect([...groups.keys()]).toEqual(['provider-unauthorized:7']);
    expect(groups.get('provider-unauthorized:7')).toMatchObject({ dataSourceId: 7 });
  });

  it('keeps credential errors without a data source under the cause alone', () => {
    const groups = groupByAlertKey([row('1', 'provider-forbidden', null)], names);

    expect(groups.get('provider-forbidden')).toMatchObject({ provider: null, dataSourceId: null });
  });
});

describe('providerCard', () => {
  it.each([
    ['provider-forbidden', '2.1'],
    ['provider-unauthorized', '2.2'],
  ] as const)('sends %s to card %s', (category, card) => {
    expect(providerCard(category)).toBe(card);
  });
});
