import { describe, expect, it } from 'vitest';
import { planStep } from './steps.ts';

describe('planStep', () => {
  it('re-notifies twice, escalates to the next person, then re-notifies everyone for good',
    () => {
      const plan = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 500].map((step) => planStep(step, 2, 3));

      expect(plan).toEqual([
        { kind: 'alert', level: 0 }, { kind: 'renotify', level: 0 },
        { kind: 'renotify', level: 0 },
        { kind: 'escalate', level: 1 }, { kind: 'renotify', level: 1 },
        { kind: 'renotify', level: 1 },
        { kind: 'escalate', level: 2 }, { kind: 'renotify', level: 2 },
        { kind: 'renotify', level: 2 },
        { kind: 'renotify', level: null }, { kind: 'renotify', level: null },
        { kind: 'renotify', level: null },
      ]);
    });

  it('escalates at every step when no re-notification is wanted, then tells everyone', () => {
    expect([1, 2, 3, 4].map((step) => planStep(step, 0, 3)))
      .toEqual([
        { kind: 'escalate', level: 1 }, { kind: 'escalate', level: 2 },
        { kind: 'renotify', level: null }, { kind: 'renotify', level: null },
      ]);
  });

  it('re-notifies everyone at every step, never escalating, when no one is on call', () => {
    expect([0, 1, 2, 3, 50].map((step) => planStep(step, 2, 0)))
      .toEqual([
        { kind: 'alert', level: 0 }, ...Array.from({ length: 4 }, () => (
          { kind: 'renotify', level: null })),
      ]);
  });

  it('starts a reopened alert over from the first person at the round’s first step', () => {
    expect([7, 8, 9, 10].map((step) => planStep(step, 2, 3, 7)))
      .toEqual([
        { kind: 'reopened', level: 0 }, { kind: 'renotify', level: 0 },
        { kind: 'renotify', level: 0 }, { kind: 'escalate', level: 1 },
      ]);
  });
});
