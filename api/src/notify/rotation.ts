import { DateTime } from 'luxon';
import { oncallTimeZone, type OncallWeek } from '@turno/shared';

/** The rotation as the schedule math needs it; weekday and hour are Mexico City time. */
export interface RotationPlan {
  members: string[];
  /** ISO weekday, Monday = 1. */
  handoffWeekday: number;
  handoffHour: number;
  /** Mexico City date (yyyy-mm-dd) whose handoff starts members[0]'s week. */
  anchor: string;
}

export interface OverrideSpan {
  id: string;
  user: string;
  startsAt: Date;
  endsAt: Date;
}

export interface OnCallNow {
  user: string | null;
  source: 'override' | 'rotation' | null;
  until: Date | null;
}

const zone = oncallTimeZone;

/** The last handoff at or before `now`, on Mexico City's wall clock whatever its offset. */
export function handoffBefore(now: Date, plan: RotationPlan): DateTime {
  const local = DateTime.fromJSDate(now, { zone });
  const back = (local.weekday - plan.handoffWeekday + 7) % 7;
  const candidate = local.startOf('day').minus({ days: back }).set({ hour: plan.handoffHour });
  return candidate > local ? candidate.minus({ weeks: 1 }) : candidate;
}

/** The handoff that starts `date`'s week: the anchor moved to the rotation's weekday and hour. */
function anchorHandoff(plan: RotationPlan): DateTime {
  const day = DateTime.fromISO(plan.anchor, { zone });
  return handoffBefore(day.endOf('day').toJSDate(), plan);
}

/** Whole weeks from the anchor's handoff to the current one (calendar weeks, DST-proof). */
function weekIndex(now: Date, plan: RotationPlan): number {
  const days = handoffBefore(now, plan).diff(anchorHandoff(plan), 'days').days;
  return Math.round(days / 7);
}

function memberAt(plan: RotationPlan, index: number): string | null {
  const count = plan.members.length;
  if (count === 0) return null;
  return plan.members[((index % count) + count) % count] ?? null;
}

/** The rotation's person for the week holding `now`, or null without members. */
export function rotationPersonAt(now: Date, plan: RotationPlan): string | null {
  return memberAt(plan, weekIndex(now, plan));
}

/** The newest override covering `now`, if any. */
export function activeOverride(now: Date, overrides: OverrideSpan[]): OverrideSpan | null {
  const covering = overrides.filter((o) => o.startsAt <= now && now < o.endsAt);
  return covering.sort((a, b) => Number(BigInt(b.id) - BigInt(a.id)))[0] ?? null;
}

/** An override covering now, else the rotation's person for this week. */
export function whoIsOnCall(now: Date, plan: RotationPlan, overrides: OverrideSpan[]): OnCallNow {
  const override = activeOverride(now, overrides);
  if (override) return { user: override.user, source: 'override', until: override.endsAt };
  const user = rotationPersonAt(now, plan);
  if (!user) return { user: null, source: null, until: null };
  const until = handoffBefore(now, plan).plus({ weeks: 1 }).toJSDate();
  return { user, source: 'rotation', until };
}

/**
 * Who an unacknowledged alert goes to, in order: whoever is on call now, then the rotation
 * from this week's person onwards. Empty when no one is on call.
 */
export function escalationChain(
  now: Date, plan: RotationPlan, overrides: OverrideSpan[],
): string[] {
  const chain: string[] = [];
  const override = activeOverride(now, overrides);
  if (override) chain.push(override.user);
  const index = weekIndex(now, plan);
  for (let step = 0; step < plan.members.length; step += 1) {
    const user = memberAt(plan, index + step);
    if (user && !chain.includes(user)) chain.push(user);
  }
  return chain;
}

/** This week and the next ones, each with its person. */
export function upcomingWeeks(now: Date, plan: RotationPlan, count: number): OncallWeek[] {
  if (plan.members.length === 0) return [];
  const start = handoffBefore(now, plan);
  const index = weekIndex(now, plan);
  return Array.from({ length: count }, (_, week) => ({
    startsAt: start.plus({ weeks: week }).toUTC().toISO() ?? '',
    endsAt: start.plus({ weeks: week + 1 }).toUTC().toISO() ?? '',
    user: memberAt(plan, index + week) ?? '',
  }));
}

/** The anchor that makes members[0] on call from the current week's handoff. */
export function anchorForNow(now: Date, plan: Omit<RotationPlan, 'anchor' | 'members'>): string {
  const full = { ...plan, members: [], anchor: '2026-01-05' };
  return handoffBefore(now, full).toISODate() ?? '';
}
