import { cardById, categoryTitle, type CardId, type CategoryId } from '@turno/shared';
import { errorFields } from '../log.ts';
import { alertPushPayload } from '../push/payload.ts';
import { pushTopic } from '../push/topic.ts';
import type { AppDeps } from '../types.ts';

interface Claimed {
  id: string;
  card: CardId | null;
  category: CategoryId;
}

/**
 * Sends one push per new alert, exactly once: setting pushed_at is the claim, so a second
 * watcher or a rerun finds nothing left to send. Alerts left unpushed by a crash go out here.
 */
export async function pushNewAlerts(deps: AppDeps): Promise<string[]> {
  const { rows: pending } = await deps.statePool.query<{ id: string }>(
    `SELECT id::text AS id FROM turno.alerts
      WHERE pushed_at IS NULL AND state = 'open' ORDER BY opened_at`,
  );
  const pushed: string[] = [];
  for (const { id } of pending) {
    const { rows } = await deps.statePool.query<Claimed>(
      `UPDATE turno.alerts SET pushed_at = $2 WHERE id = $1::uuid AND pushed_at IS NULL
        RETURNING id::text AS id, card, category`,
      [id, deps.now()],
    );
    const alert = rows[0];
    if (!alert) continue;
    try {
      const report = await deps.pusher.send(
        alertPushPayload(alert, pushTitle(alert)),
        { topic: pushTopic(alert.id.replaceAll('-', '')) },
      );
      deps.log.info('watcher.pushed', { alertId: alert.id, ...report });
    } catch (error) {
      deps.log.error('watcher.push_failed', { alertId: alert.id, ...errorFields(error) });
    }
    pushed.push(alert.id);
  }
  return pushed;
}

/** A short Spanish line from the card, never the error's own text. */
export function pushTitle(alert: { card: CardId | null; category: CategoryId }): string {
  const card = alert.card ? cardById(alert.card) : undefined;
  if (card) return `${card.id} · ${card.title.es}`;
  return categoryTitle(alert.category).es;
}
