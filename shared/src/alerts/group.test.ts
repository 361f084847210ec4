import { describe, expect, it } from 'vitest';
import { groupByCause, summarizeCause, tally } from './group.ts';
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
