import { afterEach, describe, expect, it } from 'vitest';
import {
  anchorForNow, escalationChain, rotationPersonAt, upcomingWeeks, whoIsOnCall,
  type OverrideSpan, type RotationPlan,
} from './rotation.ts';

const plan: RotationPlan = {
  members: ['ana', 'beto', 'caro'], handoffWeekday: 1, handoffHour: 9, anchor: '2026-01-05',
};
const at = (iso: string) => new Date(iso);
const savedTz = process.env.TZ;

afterEach(() => {
  process.env.TZ = savedTz;
});

describe('rotationPersonAt', () => {
  it('hands over on Monday at 9:00 Mexico City time, not a minute before', () => {
    // 2026-01-05 is a Monday; Mexico City is UTC−6 all year since 2022.
    expect(rotationPersonAt(at('2026-01-05T14:59:00Z'), plan)).toBe('caro');
    expect(rotationPersonAt(at('2026-01-05T15:00:00Z'), plan)).toBe('ana');
    expect(rotationPersonAt(at('2026-01-11T23:59:00Z'), plan)).toBe('ana');
    expect(rotationPersonAt(at('2026-01-12T15:00:00Z'), plan)).toBe('beto');
    expect(rotationPersonAt(at('2026-01-19T15:00:00Z'), plan)).toBe('caro');
    expect(rotationPersonAt(at('2026-01-26T15:00:00Z'), plan)).toBe('ana');
  });

  it('follows a Friday 18:00 handoff', () => {
    const friday = { ...plan, handoffWeekday: 5, handoffHour: 18, anchor: '2026-01-09' };

    expect(rotationPersonAt(at('2026-01-10T00:30:00Z'), friday)).toBe('ana');
    expect(rotationPersonAt(at('2026-01-16T23:59:00Z'), friday)).toBe('ana');
    expect(rotationPersonAt(at('2026-01-17T00:00:00Z'), friday)).toBe('beto');
  });

  it('gives the same person whatever zone the server runs in', () => {
    const instants = ['2026-03-08T09:30:00Z', '2026-03-09T14:59:00Z', '2026-11-01T08:30:00Z'];
    const answers = (zone: string) => {
      process.env.TZ = zone;
      return instants.map((iso) => rotationPersonAt(at(iso), plan));
    };

    const utc = answers('UTC');

    expect(answers('America/Los_Angeles')).toEqual(utc);
    expect(answers('Asia/Tokyo')).toEqual(utc);
  });
});

describe('upcomingWeeks', () => {
  it('keeps the handoff at 15:00 UTC across the US daylight-saving change of March 2026', () => {
    process.env.TZ = 'America/Los_Angeles';

    const weeks = upcomingWeeks(at('2026-03-04T12:00:00Z'), plan, 2);

    expect(weeks).toEqual([
      { startsAt: '2026-03-02T15:00:00.000Z', endsAt: '2026-03-09T15:00:00.000Z', user: 'caro' },
      { startsAt: '2026-03-09T15:00:00.000Z', endsAt: '2026-03-16T15:00:00.000Z', user: 'ana' },
    ]);
  });

  it('keeps 9:00 on the wall clock when Mexico City itself changed offset (April 2022)', () => {
    const old = { ...plan, anchor: '2022-03-28' };

    const weeks = upcomingWeeks(at('2022-03-30T12:00:00Z'), old, 2);

    // Mexico City moved to UTC−5 on 2022-04-03: the same 9:00 is an hour earlier in UTC.
    expect(weeks.map((week) => [week.startsAt, week.endsAt])).toEqual([
      ['2022-03-28T15:00:00.000Z', '2022-04-04T14:00:00.000Z'],
      ['2022-04-04T14:00:00.000Z', '2022-04-11T14:00:00.000Z'],
    ]);
    expect(weeks.map((week) => week.user)).toEqual(['ana', 'beto']);
  });

  it('lists nothing without members', () => {
    expect(upcomingWeeks(at('2026-03-04T12:00:00Z'), { ...plan, members: [] }, 4)).toEqual([]);
  });
});

describe('whoIsOnCall and escalationChain', () => {
  const override = (id: string, user: string, from: string, to: string): OverrideSpan => ({
    id, user, startsAt: at(from), endsAt: at(to),
  });
  const now = at('2026-01-07T18:00:00Z');

  it('is the rotation person, until the next handoff, without an override', () => {
    expect(whoIsOnCall(now, plan, [])).toEqual({
      user: 'ana', source: 'rotation', until: at('2026-01-12T15:00:00Z'),
    });
  });

  it('is the newest override covering now, which leads the escalation chain', () => {
    const overrides = [
      override('1', 'dora', '2026-01-07T00:00:00Z', '2026-01-08T00:00:00Z'),
      override('2', 'beto', '2026-01-07T12:00:00Z', '2026-01-07T20:00:00Z'),
      override('3', 'eva', '2026-01-08T00:00:00Z', '2026-01-09T00:00:00Z'),
    ];

    expect(whoIsOnCall(now, plan, overrides)).toMatchObject({ user: 'beto', source: 'override' });
    expect(escalationChain(now, plan, overrides)).toEqual(['beto', 'ana', 'caro']);
  });

  it('ignores an override that has ended or not started', () => {
    const overrides = [override('1', 'dora', '2026-01-06T00:00:00Z', '2026-01-07T18:00:00Z')];

    expect(whoIsOnCall(now, plan, overrides).user).toBe('ana');
  });

  it('escalates from this week’s person to the next ones in order', () => {
    expect(escalationChain(at('2026-01-13T00:00:00Z'), plan, [])).toEqual([
      'beto', 'caro', 'ana',
    ]);
  });

  it('names no one without members or overrides', () => {
    const empty = { ...plan, members: [] };

    expect(whoIsOnCall(now, empty, [])).toEqual({ user: null, source: null, until: null });
    expect(escalationChain(now, empty, [])).toEqual([]);
  });
});

describe('anchorForNow', () => {
  it('anchors at the current week’s handoff date in Mexico City', () => {
    // Sunday 2026-03-08 22:00 in Mexico City is already Monday 04:00 UTC.
    const anchor = anchorForNow(at('2026-03-09T04:00:00Z'), { handoffWeekday: 1, handoffHour: 9 });

    expect(anchor).toBe('2026-03-02');
    const plan2 = { ...plan, anchor };
    expect(rotationPersonAt(at('2026-03-09T04:00:00Z'), plan2)).toBe('ana');
    expect(rotationPersonAt(at('2026-03-09T15:00:00Z'), plan2)).toBe('beto');
  });
});
