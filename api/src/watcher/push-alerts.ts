import type { CardId, CategoryId } from '@turno/shared';
import { stepAudience } from '../notify/audience.ts';
import { deliverStep } from '../notify/deliver.ts';
import { nextOf } from '../notify/escalate.ts';
import { heldSql } from '../notify/hold.ts';
import { startSteps } from '../notify/notify-store.ts';
import { minutesAfter, oncallAt } from '../notify/oncall.ts';
import { firstPushKind } from '../notify/steps.ts';
import type { AppDeps } from '../types.ts';

export { pushTitle } from '../notify/deliver.ts';

interface Claimed {
  id: string;
  card: CardId | null;
  category: CategoryId;
  severity: string;
}

/**
 * Sends each new alert's first push to whoever is on call (every device when no one is),
 * exactly once: setting pushed_at is the claim, so a second watcher or a rerun finds nothing
 * left to send. Alerts held by a maintenance window or snoozed wait; they go out on the first
 * tick after, if still open. Alerts left unpushed by a crash go out here too. When quiet hours
 * keep the first push from everyone, it waits as step 0 for the first of them to end. An
 * alert reopened after a person resolved it goes out again as 'reopened', its steps counted
 * on from those it had.
 * Returns the alerts pushed now.
 */
export async function pushNewAlerts(deps: AppDeps): Promise<string[]> {
  const now = deps.now();
  const { rows: pending } = await deps.statePool.query<{ id: string; first_step: number }>(
    `SELECT a.id::text AS id, coalesce(n.first_step, 0) AS first_step FROM turno.alerts a
      LEFT JOIN turno.alert_notify n ON n.alert_id = a.id
      WHERE a.pushed_at IS NULL AND a.state = 'open'
        AND (n.snoozed_until IS NULL OR n.snoozed_until <= $1)
        AND NOT ${heldSql('a', '$1')}
      ORDER BY a.opened_at`,
    [now],
  );
  if (pending.length === 0) return [];
  const { chain, rotation } = await oncallAt(deps.statePool, now);
  const pushed: string[] = [];
  for (const { id, first_step: first } of pending) {
    const { rows } = await deps.statePool.query<Claimed>(
      `UPDATE turno.alerts SET pushed_at = $2 WHERE id = $1::uuid AND pushed_at IS NULL
        RETURNING id::text AS id, card, category, severity`,
      [id, now],
    );
    const alert = rows[0];
    if (!alert) continue;
    const audience = await stepAudience(deps, chain, 0, alert.severity, now);
    const next = nextOf(audience, first, minutesAfter(now, rotation.repeatMinutes));
    await startSteps(deps.statePool, alert.id, next.step, next.at);
    const step = { step: first, kind: firstPushKind(first) };
    const reached = await deliverStep(deps, alert, step, audience, now);
    if (reached.length > 0) pushed.push(alert.id);
  }
  return pushed;
}
