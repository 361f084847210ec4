import type { PoolClient } from 'pg';
import { isQuiet, transition, type AlertState, type CategoryId } from '@turno/shared';
import type { AppConfig } from '../types.ts';
import { ruleFor } from './rules.ts';

/** Live alerts whose cause has been quiet for the rule's quiet period resolve by themselves. */
export async function resolveQuietAlerts(
  client: PoolClient, config: AppConfig, now: Date,
): Promise<string[]> {
  const { rows } = await client.query<
    { id: string; state: AlertState; category: CategoryId; active_at: Date }
  >(
    `SELECT id::text AS id, state, category, active_at FROM turno.alerts
      WHERE state <> 'resolved' FOR UPDATE`,
  );
  const resolved: string[] = [];
  for (const alert of rows) {
    if (!isQuiet(alert.active_at, now, ruleFor(config, alert.category))) continue;
    await client.query(
      `UPDATE turno.alerts SET state = $2, resolved_at = $3, resolved_by = 'watcher',
          resolved_by_hand = false
        WHERE id = $1::uuid`,
      [alert.id, transition(alert.state, 'quiet'), now],
    );
    resolved.push(alert.id);
  }
  return resolved;
}
