import { describe, expect, it } from 'vitest';
import { categoryDefaults } from '../diagnosis/categories.ts';
import { cardById } from './cards.ts';
import { categorySummary } from './category-summaries.ts';

describe('categorySummary', () => {
  it('says low RDS storage is filling, not full, and sends to card 4.1\'s steps', () => {
    const summary = categorySummary('rds-storage-low');
    const card = cardById(categoryDefaults['rds-storage-low'].card ?? '4.1');

    expect(summary?.es).toMatch(/se está llenando/);
    expect(summary?.es).not.toMatch(/se llenó|no puede guardar/);
    expect(summary?.en).toMatch(/is filling up/);
    expect(summary?.en).not.toMatch(/is full:|cannot store/);
    expect(card?.id).toBe('4.1');
    expect(summary?.es).toContain('4.1.4');
  });

  it('leaves a cause the card already describes to the card', () => {
    expect(categorySummary('database-disk-full')).toBeUndefined();
    expect(categorySummary('rds-storage-full')).toBeUndefined();
  });
});
