import type { Probe, ProbeResult } from '../types.ts';
import type { MessagingConfig } from './config.ts';
import { retryWindow } from './gmail-retry.ts';

export const gmailSendingProbeName = 'gmail-sending';

/** The newest rows carry the latest time Gmail named; older ones are superseded by them. */
const rowLimit = 500;

/**
 * Gmail's sending saturation, read from UP's own failed sends. Asking Gmail cannot show it:
 * users.getProfile and the token refresh work while sending is blocked, and a test email
 * would spend the quota that ran out. So this reads the Sync_error rows behind the watcher's
 * gmail-saturated alert and writes the retry time into that alert's detail (card 3.1's
 * countdown). It opens no alert of its own: one cause, one alert.
 */
export function createGmailSendingProbe(config: MessagingConfig['gmail']): Probe {
  return {
    name: gmailSendingProbeName,
    intervalSeconds: config.sendingIntervalSeconds,
    async run(deps, now): Promise<ProbeResult> {
      const { rows: alerts } = await deps.statePool.query<{ id: string }>(
        `SELECT id::text AS id FROM turno.alerts
          WHERE category = 'gmail-saturated' AND origin = 'sync-error' AND state <> 'resolved'
          ORDER BY opened_at DESC LIMIT 1`,
      );
      const alert = alerts[0];
      if (!alert) return { findings: [], summary: { saturated: false, retryAt: null } };

      // The first row for "since" and the 24 h waits, the newest ones for "Retry after".
      const { rows } = await deps.statePool.query<{ text: string; created_at: Date }>(
        `(SELECT text, created_at FROM turno.seen_errors WHERE alert_id = $1::uuid
            ORDER BY created_at, sync_error_id LIMIT 1)
          UNION
          (SELECT text, created_at FROM turno.seen_errors WHERE alert_id = $1::uuid
            ORDER BY created_at DESC, sync_error_id DESC LIMIT $2)`,
        [alert.id, rowLimit],
      );
      const window = retryWindow(
        rows.map((row) => ({ text: row.text, createdAt: row.created_at })),
      );
      if (!window) return { findings: [], summary: { saturated: true, retryAt: null } };
      await deps.statePool.query(
        `UPDATE turno.alerts SET detail = coalesce(detail, '{}'::jsonb) || $2::jsonb
          WHERE id = $1::uuid AND state <> 'resolved'`,
        [alert.id, JSON.stringify(window)],
      );
      const waiting = Date.parse(window.retryAt) > now.getTime();
      return {
        findings: [],
        summary: { saturated: true, retryAt: window.retryAt, basis: window.basis, waiting },
      };
    },
  };
}
