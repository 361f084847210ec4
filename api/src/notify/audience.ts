import type { Pool } from 'pg';
import type { QuietHours } from '@turno/shared';
import type { AppDeps } from '../types.ts';
import { bypassesQuietHours, inQuietHours, quietHoursEnd } from './quiet-hours.ts';
import { allQuietHours, quietHoursOf } from './quiet-store.ts';

/** Who one step of an alert reaches now; `quiet` were left out for their quiet hours. */
export type Audience =
  /** No rotation: every device, less people in quiet hours (`users` undefined: all). */
  | { to: 'devices'; users: string[] | undefined; quiet: string[] }
  /** People of the escalation chain, one push each. */
  | { to: 'people'; users: string[]; quiet: string[] }
  /** Everyone the step could reach is in quiet hours: it waits for the first to wake. */
  | { to: 'later'; at: Date; quiet: string[] };

/** Recorded for a push to every device, when no rotation names anyone. */
export const everyone = '*';

/**
 * Who a step goes to: the chain's person at `level` or, in their quiet hours, the next one
 * after them (round the chain) who is awake; with `level` null everyone awake. Nobody awake:
 * the step waits until the first of their quiet hours ends. Critical alerts wake people.
 */
export async function stepAudience(
  deps: AppDeps, chain: readonly string[], level: number | null, severity: string, now: Date,
): Promise<Audience> {
  if (chain.length === 0) return devicesAudience(deps.statePool, severity, now);
  if (bypassesQuietHours(severity)) {
    const person = level === null ? undefined : chain[level % chain.length];
    return { to: 'people', users: person ? [person] : [...chain], quiet: [] };
  }
  return chooseAudience(chain, level, await quietHoursOf(deps.statePool, [...chain]), now);
}

/** `stepAudience` for a non-critical step, once the chain's quiet hours are read. */
export function chooseAudience(
  chain: readonly string[], level: number | null, hours: Map<string, QuietHours>, now: Date,
): Audience {
  const asleep = (user: string) => inQuietHours(now, hours.get(user));
  if (level === null) {
    const awake = chain.filter((user) => !asleep(user));
    if (awake.length > 0) return { to: 'people', users: awake, quiet: chain.filter(asleep) };
    return later(chain, hours, now, [...chain]);
  }
  const start = level % chain.length;
  const order = [...chain.slice(start), ...chain.slice(0, start)];
  const index = order.findIndex((user) => !asleep(user));
  const first = order[index];
  if (first !== undefined) return { to: 'people', users: [first], quiet: order.slice(0, index) };
  return later(chain, hours, now, order.slice(0, 1));
}

function later(
  people: readonly string[], hours: Map<string, QuietHours>, now: Date, quiet: string[],
): Audience {
  const ends = people.flatMap((user) => {
    const own = hours.get(user);
    return own ? [quietHoursEnd(now, own).getTime()] : [];
  });
  return { to: 'later', at: new Date(Math.min(...ends)), quiet };
}

/** No rotation: every subscribed person not in quiet hours, or the first to wake. */
async function devicesAudience(db: Pool, severity: string, now: Date): Promise<Audience> {
  const all: Audience = { to: 'devices', users: undefined, quiet: [] };
  if (bypassesQuietHours(severity)) return all;
  const hours = await allQuietHours(db);
  const asleep = (user: string) => inQuietHours(now, hours.get(user));
  if (![...hours.keys()].some(asleep)) return all;
  const { rows } = await db.query<{ user_name: string }>(
    'SELECT DISTINCT user_name FROM turno.push_subscriptions ORDER BY 1',
  );
  const subscribed = rows.map((row) => row.user_name);
  const awake = subscribed.filter((user) => !asleep(user));
  // Without any device the push is recorded as no-device, which says more than waiting.
  if (subscribed.length === 0) return all;
  if (awake.length > 0) return { to: 'devices', users: awake, quiet: [] };
  return later(subscribed, hours, now, [everyone]);
}
