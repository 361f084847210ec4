import { describe, expect, it } from 'vitest';
import { compareNames } from './name-order.ts';

const alphabet = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ._-';

/** A small seeded generator, so a failure can be run again as it was. */
function randomNames(count: number, seed: number): string[] {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  // A short alphabet slice now and then makes names that differ only late or only in case.
  const pick = (chars: string) => chars.charAt(Math.floor(next() * chars.length));
  return Array.from({ length: count }, () => {
    const chars = next() < 0.5 ? alphabet : 'aAbB0_-.';
    return Array.from({ length: Math.floor(next() * 8) }, () => pick(chars)).join('');
  });
}

const sign = (value: number) => Math.sign(value);

describe('compareNames', () => {
  it('orders AWS names as localeCompare does, case and punctuation included', () => {
    const names = [
      ...randomNames(400, 7),
      'up_update_active_positions', 'up-update-active-events', 'lide-mix-get-assets',
      'linde-mix-get-events', 'linde-mix-get-positions', 'Linde', 'linde', 'a_1', 'a-1', 'a.1',
      'a1', 'A1', 'aB', 'Ab', 'ab', '',
    ];
    for (const a of names) {
      for (const b of names) {
        expect(sign(compareNames(a, b)), `${a} vs ${b}`).toBe(sign(a.localeCompare(b)));
      }
    }
  });

  it('sorts the runbook schedules as localeCompare does', () => {
    const names = ['up_update_active_positions', 'linde-mix-get-positions', 'lide-mix-get-assets',
      'up-update-active-events', 'linde-guardian-positions', 'linde-mix-get-active-events'];

    expect([...names].sort(compareNames)).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it('leaves names outside the AWS alphabet to localeCompare', () => {
    const names = ['ñandú', 'nube', 'Órbita', 'oso', 'año nuevo'];

    expect([...names].sort(compareNames)).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
});
