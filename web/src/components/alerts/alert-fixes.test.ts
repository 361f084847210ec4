import { cardById } from '@turno/shared';
import { describe, expect, it } from 'vitest';
import { fixesFor } from './alert-fixes.ts';

describe('fixesFor', () => {
  it('offers card 4.1\'s storage growth and no pause: the runbook pauses nothing there', () => {
    expect([...fixesFor(cardById('4.1'))]).toEqual(['grow-storage']);
  });

  it('offers the pause card 5.1 ends with (5.1.6)', () => {
    expect(fixesFor(cardById('5.1')).has('pause-schedule')).toBe(true);
  });

  it('offers T.7\'s pm2 flush', () => {
    expect([...fixesFor(cardById('T.7'))]).toEqual(['flush-pm2']);
  });

  it('keeps the pause for an alert without a card', () => {
    expect([...fixesFor(undefined)]).toEqual(['pause-schedule']);
  });

  it('offers nothing for a card whose steps Turno cannot perform (1.2)', () => {
    expect(fixesFor(cardById('1.2')).size).toBe(0);
  });
});
