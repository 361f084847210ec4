import type { CardId, CategoryId, NotificationKind } from '@turno/shared';
import type { AppDeps } from '../types.ts';
import { stepAudience, type Audience } from './audience.ts';
import { deliverStep } from './deliver.ts';
import { heldSql } from './hold.ts';
import { minutesAfter, oncallAt } from './oncall.ts';
import { planStep } from './steps.ts';

export interface EscalatedStep {
  alertId: string;
  step: number;
  kind: NotificationKind;
  /** Who it was pushed to; '*' for every device. */
  users: string[];
}

interface Due {
  alert_id: string;
  next_step: number;
  first_step: number;
  card: CardId | null;
  category: CategoryId;
  severity: string;
}

/** Due steps read per tick: a backlog drains over a few ticks instead of one long one. */
const batch = 100;

/**
 * Sends the re-notifications and escalations that are due, each exactly once even with two
 * watchers at once: moving `next_at` on from the value read is the claim. A step nobody may
 * get for their quiet hours stays due for when the first of them ends. Acknowledged or
 * resolved alerts, snoozed ones and those a maintenance window holds are left alone.
 */
export async function runEscalation(deps: AppDeps): Promise<EscalatedStep[]> {
  const now = deps.now();
  const { rows: due } = await deps.statePool.query<Due>(
    `SELECT n.alert_id::text AS alert_id, n.next_step, n.first_step, a.card, a.category,
        a.severity
      FROM turno.alert_notify n
      JOIN turno.alerts a ON a.id = n.alert_id
      WHERE n.next_at <= $1 AND a.state = 'open' AND a.pushed_at IS NOT NULL
        AND (n.snoozed_until IS NULL OR n.snoozed_until <= $1)
        AND NOT ${heldSql('a', '$1')}
      ORDER BY n.next_at LIMIT ${batch}`,
    [now],
  );
  if (due.length === 0) return [];
  const { chain, rotation } = await oncallAt(deps.statePool, now);
  const sent: EscalatedStep[] = [];
  for (const { alert_id: alertId, next_step: step, first_step: first, ...alert } of due) {
    const planned = planStep(step, rotation.escalateAfter, chain.length, first);
    const audience = await stepAudience(deps, chain, planned.level, alert.severity, now);
    const next = nextOf(audience, step, minutesAfter(now, rotation.repeatMinutes));
    const { rowCount } = await deps.statePool.query(
      `UPDATE turno.alert_notify n SET next_step = $3, next_at = $4
        FROM turno.alerts a
        WHERE n.alert_id = $1::uuid AND n.next_step = $2 AND n.next_at <= $5
          AND a.id = n.alert_id AND a.state = 'open'`,
      [alertId, step, next.step, next.at, now],
    );
    if (!rowCount) continue;
    const target = { step, kind: planned.kind };
    const users = await deliverStep(deps, { id: alertId, ...alert }, target, audience, now);
    if (users.length > 0) sent.push({ alertId, step, kind: planned.kind, users });
  }
  return sent;
}

/** The step after this one, `repeatAt`; this one again at wake-up when nobody may get it. */
export function nextOf(
  audience: Audience, step: number, repeatAt: Date,
): { step: number; at: Date } {
  return audience.to === 'later' ? { step, at: audience.at } : { step: step + 1, at: repeatAt };
}
