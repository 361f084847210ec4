import { describe, expect, it } from 'vitest';
import { pageLimit } from './limits.ts';

describe('pageLimit', () => {
  const limit = pageLimit(50, 20);

  it('takes the fallback when the query leaves the size out', () => {
    expect(limit.parse(undefined)).toBe(20);
  });

  it('reads a size from its query-string text', () => {
    expect(limit.parse('7')).toBe(7);
  });

  it.each(['abc', '', '2.5', '0', '51', '-1', '0x10', '1e1', ' 10', '9'.repeat(23)])(
    'refuses %j in words of its own', (text) => {
      const result = limit.safeParse(text);

      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.message))
        .toEqual(['must be a whole number from 1 to 50']);
    });
});
