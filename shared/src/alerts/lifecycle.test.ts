import { describe, expect, it } from 'vitest';
import type { AlertState } from '../api/schemas.ts';
import { TurnoError } from '../errors/catalog.ts';
import { type AlertEvent, transition } from './lifecycle.ts';

describe('transition', () => {
  it.each<[AlertState, AlertEvent, AlertState]>([
    ['open', 'ack', 'acknowledged'],
    ['open', 'errors', 'open'],
    ['open', 'quiet', 'resolved'],
    ['open', 'resolve', 'resolved'],
    ['acknowledged', 'ack', 'acknowledged'],
    ['acknowledged', 'errors', 'acknowledged'],
    ['acknowledged', 'quiet', 'resolved'],
    ['acknowledged', 'resolve', 'resolved'],
    ['resolved', 'resolve', 'resolved'],
    ['resolved', 'quiet', 'resolved'],
    ['resolved', 'errors', 'resolved'],
  ])('moves an %s alert on %s to %s', (state, event, next) => {
    expect(transition(state, event)).toBe(next);
  });

  it('refuses to acknowledge a resolved alert with alert_already_resolved', () => {
    let thrown: unknown;
    try {
      transition('resolved', 'ack');
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(TurnoError);
    expect(thrown).toMatchObject({ code: 'alert_already_resolved', status: 409 });
  });
});
