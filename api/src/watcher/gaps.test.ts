import { describe, expect, it } from 'vitest';
import { findGaps } from './gaps.ts';

describe('findGaps', () => {
  it('finds nothing when the ids follow the cursor one by one', () => {
    expect(findGaps('4', ['5', '6', '7'])).toEqual({ ids: [], dropped: 0n });
  });

  it('finds the ids missing after the cursor and between the rows read, highest first', () => {
    expect(findGaps('4', ['6', '7', '10'])).toEqual({ ids: ['9', '8', '5'], dropped: 0n });
  });

  it('finds nothing without rows, whatever the cursor', () => {
    expect(findGaps('100', [])).toEqual({ ids: [], dropped: 0n });
  });

  it('keeps the highest up to the limit and counts the rest, even across a far jump', () => {
    const { ids, dropped } = findGaps('1', ['9000000000000000000'], 3);

    expect(ids).toEqual(['8999999999999999999', '8999999999999999998', '8999999999999999997']);
    expect(dropped).toBe(9_000_000_000_000_000_000n - 2n - 3n);
  });
});
