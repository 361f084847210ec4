import type { CardId, CategoryId, NotificationKind } from '@turno/shared';
import type { AppDeps } from '../types.ts';
import { deliverStep, everyone } from './deliver.ts';
import { heldSql } from './maintenance-store.ts';
import { minutesAfter, oncallAt } from './oncall.ts';
import { planStep } from './steps.ts';

export interface EscalatedStep {
  alertId: string;
  step: number;
  kind: NotificationKind;
  user: string;
}

interface Claimed {
  card: CardId | null;
  category: CategoryId;
  severity: string;
}

/** Due steps read per tick: a backlog drains over a few ticks instead of one long one. */
const batch = 100;

/**
 * Sends the re-notifications and escalations that are due, each exactly once even with two
 * watchers at once: moving `next_step` on from the value read is the claim. Acknowledged or
 * resolved alerts, snoozed ones and those a maintenance window holds are left alone.
 */
export async function runEscalation(deps: AppDeps): Promise<EscalatedStep[]> {
  const now = deps.now();
  const { rows: due } = await deps.statePool.query<{ alert_id: string; next_step: number }>(
    `SELECT n.alert_id::text AS alert_id, n.next_step FROM turno.alert_notify n
      JOIN turno.alerts a ON a.id = n.alert_id
      WHERE n.next_at <= $1 AND a.state = 'open' AND a.pushed_at IS NOT NULL
        AND (n.snoozed_until IS NULL OR n.snoozed_until <= $1)
        AND NOT ${heldSql('a', '$1')}
      ORDER BY n.next_at LIMIT ${batch}`,
    [now],
  );
  if (due.length === 0) return [];
  const { chain, rotation } = await oncallAt(deps.statePool, now);
  const { escalateAfter, repeatMinutes } = rotation;
  const sent: EscalatedStep[] = [];
  for (const { alert_id: alertId, next_step: step } of due) {
    const planned = planStep(step, escalateAfter, chain.length);
    const following = planStep(step + 1, escalateAfter, chain.length);
    const { rows } = await deps.statePool.query<Claimed>(
      `UPDATE turno.alert_notify n SET next_step = n.next_step + 1, next_at = $3
        FROM turno.alerts a
        WHERE n.alert_id = $1::uuid AND n.next_step = $2 AND n.next_at <= $4
          AND a.id = n.alert_id AND a.state = 'open'
        RETURNING a.card, a.category, a.severity`,
      [alertId, step, following ? minutesAfter(now, repeatMinutes) : null, now],
    );
    const alert = rows[0];
    if (!alert || !planned) continue;
    const user = chain[planned.level] ?? null;
    const target = { step, kind: planned.kind, user };
    if (await deliverStep(deps, { id: alertId, ...alert }, target, now)) {
      sent.push({ alertId, step, kind: planned.kind, user: user ?? everyone });
    }
  }
  return sent;
}
