import type { AlertState } from '../api/schemas.ts';
import { TurnoError } from '../errors/catalog.ts';

/** What can happen to an alert: a person acks or resolves it, errors keep coming, or stop. */
export type AlertEvent = 'ack' | 'resolve' | 'errors' | 'quiet';

/**
 * The alert's next state. Open → acknowledged → resolved; new errors keep it as it is (it goes
 * on counting) and a quiet period resolves it. Acking a resolved alert throws
 * `alert_already_resolved`; repeating an ack or a resolve changes nothing (a double tap).
 */
export function transition(state: AlertState, event: AlertEvent): AlertState {
  if (event === 'resolve' || event === 'quiet') return 'resolved';
  if (event === 'errors') return state;
  if (state === 'resolved') throw new TurnoError('alert_already_resolved');
  return 'acknowledged';
}
