import type pg from 'pg';
import { isAppLocale, type AppLocale } from '@turno/shared';
import type { StoredSubscription, SubscriptionStore } from '../push/types.ts';

export interface NewSubscription {
  endpoint: string;
  p256dh: string;
  auth: string;
  userName: string;
  /** The app's language on the device; absent: the stored one, else es-MX. */
  locale?: AppLocale | undefined;
}

/** The push sender's store plus what the subscribe and unsubscribe routes need. */
export interface PgSubscriptionStore extends SubscriptionStore {
  /** Adds or refreshes (same endpoint, new keys or user) a subscription; returns its id. */
  save(subscription: NewSubscription): Promise<string>;
  /** Removes `userName`'s subscription with that endpoint, never someone else's; says if any. */
  removeByEndpoint(endpoint: string, userName: string): Promise<boolean>;
}

interface Row {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  user_name: string;
  locale: string;
  backoff_until: Date | null;
}

export function createSubscriptionStore(pool: pg.Pool): PgSubscriptionStore {
  return {
    async listActive(): Promise<StoredSubscription[]> {
      const { rows } = await pool.query<Row>(
        `SELECT id::text, endpoint, p256dh, auth, user_name, locale, backoff_until
           FROM turno.push_subscriptions ORDER BY id`,
      );
      return rows.map((row) => ({
        id: row.id,
        endpoint: row.endpoint,
        p256dh: row.p256dh,
        auth: row.auth,
        userName: row.user_name,
        // The column's CHECK holds it to the app's locales.
        locale: isAppLocale(row.locale) ? row.locale : 'es-MX',
        backoffUntil: row.backoff_until?.toISOString() ?? null,
      }));
    },

    async remove(id) {
      await pool.query('DELETE FROM turno.push_subscriptions WHERE id = $1', [id]);
    },

    async markDelivered(id, at) {
      await pool.query(
        `UPDATE turno.push_subscriptions
            SET last_delivered_at = $2, backoff_until = NULL WHERE id = $1`,
        [id, at],
      );
    },

    async markFailed(id, at, reason, retryAfter) {
      await pool.query(
        `UPDATE turno.push_subscriptions
            SET last_failure_at = $2, last_failure = $3, backoff_until = $4 WHERE id = $1`,
        [id, at, reason.slice(0, 500), retryAfter ?? null],
      );
    },

    async save(subscription) {
      const { rows } = await pool.query<{ id: string }>(
        `INSERT INTO turno.push_subscriptions AS s (endpoint, p256dh, auth, user_name, locale)
         VALUES ($1, $2, $3, $4, COALESCE($5, 'es-MX'))
         ON CONFLICT (endpoint) DO UPDATE
            SET p256dh = EXCLUDED.p256dh, auth = EXCLUDED.auth, user_name = EXCLUDED.user_name,
                locale = COALESCE($5, s.locale),
                last_failure_at = NULL, last_failure = NULL, backoff_until = NULL
         RETURNING id::text`,
        [
          subscription.endpoint, subscription.p256dh, subscription.auth, subscription.userName,
          subscription.locale ?? null,
        ],
      );
      const saved = rows[0];
      if (!saved) throw new Error('INSERT … RETURNING gave no row');
      return saved.id;
    },

    async removeByEndpoint(endpoint, userName) {
      const result = await pool.query(
        'DELETE FROM turno.push_subscriptions WHERE endpoint = $1 AND user_name = $2',
        [endpoint, userName],
      );
      return (result.rowCount ?? 0) > 0;
    },
  };
}
