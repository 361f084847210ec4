import type { Pool } from 'pg';
import type { OncallOverride, Rotation } from '@turno/shared';
import { listOverrides, planOf, readRotation, spansOf } from './oncall-store.ts';
import type { OnCallNow } from './rotation.ts';

export interface OncallContext {
  rotation: Rotation;
  /** Overrides not over yet. */
  overrides: OncallOverride[];
  onCall: OnCallNow;
  /** Who an alert goes to, in order; empty: every subscribed device. */
  chain: string[];
}

/** Everything the notify policy needs to know about people at `now`. */
export async function oncallAt(pool: Pool, now: Date): Promise<OncallContext> {
  const [rotation, overrides] = await Promise.all([readRotation(pool), listOverrides(pool, now)]);
  // Imported on use: luxon stays out of the api's cold start (docs/benchmarks.md).
  const { escalationChain, whoIsOnCall } = await import('./rotation.ts');
  const plan = planOf(rotation);
  const spans = spansOf(overrides);
  return {
    rotation,
    overrides,
    onCall: whoIsOnCall(now, plan, spans),
    chain: escalationChain(now, plan, spans),
  };
}

export function minutesAfter(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * 60_000);
}
