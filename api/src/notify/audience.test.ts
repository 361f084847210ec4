import { describe, expect, it } from 'vitest';
import { chooseAudience } from './audience.ts';

const night = { startHour: 22, endHour: 7 };
// Wednesday 23:00 in Mexico City.
const at23 = new Date('2026-01-08T05:00:00Z');
const chain = ['ana', 'beto', 'caro'];

describe('chooseAudience', () => {
  it('goes to the person of the step when they are awake', () => {
    expect(chooseAudience(chain, 1, new Map([['ana', night]]), at23))
      .toEqual({ to: 'people', users: ['beto'], quiet: [] });
  });

  it('passes over people in quiet hours to the next one awake, round the chain', () => {
    const hours = new Map([['beto', night], ['caro', night]]);

    expect(chooseAudience(chain, 1, hours, at23))
      .toEqual({ to: 'people', users: ['ana'], quiet: ['beto', 'caro'] });
  });

  it('tells everyone awake at a step for the whole chain', () => {
    expect(chooseAudience(chain, null, new Map([['beto', night]]), at23))
      .toEqual({ to: 'people', users: ['ana', 'caro'], quiet: ['beto'] });
  });

  it('waits for the first quiet hours to end when nobody is awake', () => {
    const hours = new Map([
      ['ana', night], ['beto', { startHour: 21, endHour: 6 }], ['caro', night],
    ]);

    expect(chooseAudience(chain, 0, hours, at23))
      .toEqual({ to: 'later', at: new Date('2026-01-08T12:00:00Z'), quiet: ['ana'] });
    expect(chooseAudience(chain, null, hours, at23))
      .toEqual({ to: 'later', at: new Date('2026-01-08T12:00:00Z'), quiet: chain });
  });
});
