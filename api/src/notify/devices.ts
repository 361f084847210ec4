import type { Pool } from 'pg';
import { pushFailureKind, redact, type AppLocale, type PushDevice } from '@turno/shared';

interface DeviceRow {
  id: string;
  endpoint: string;
  created_at: Date;
  last_delivered_at: Date | null;
  last_failure_at: Date | null;
  last_failure: string | null;
}

/** A person's devices and how their last pushes went; the endpoint's path never leaves. */
export async function devicesOf(pool: Pool, user: string): Promise<PushDevice[]> {
  const { rows } = await pool.query<DeviceRow>(
    `SELECT id::text AS id, endpoint, created_at, last_delivered_at, last_failure_at,
        last_failure
      FROM turno.push_subscriptions WHERE user_name = $1 ORDER BY id`,
    [user],
  );
  return rows.map((row) => ({
    id: row.id,
    service: hostOf(row.endpoint),
    createdAt: row.created_at.toISOString(),
    lastDeliveredAt: row.last_delivered_at?.toISOString() ?? null,
    lastFailureAt: row.last_failure_at?.toISOString() ?? null,
    lastFailure: row.last_failure === null ? null : redact(row.last_failure).slice(0, 200),
    lastFailureKind: row.last_failure === null ? null : pushFailureKind(row.last_failure),
  }));
}

// The stored row's health is kept only for the same keys of the same person.
const same = `s.p256dh = EXCLUDED.p256dh AND s.auth = EXCLUDED.auth
  AND s.user_name = EXCLUDED.user_name`;

export interface Resync {
  endpoint: string;
  p256dh: string;
  auth: string;
  user: string;
  /** The endpoint this device had before, when the browser rotated it. */
  previousEndpoint?: string | undefined;
  /** The app's language; absent: the stored one (or the rotated endpoint's), else es-MX. */
  locale?: AppLocale | undefined;
}

/**
 * Stores the device's current subscription. The same keys of the same person keep their
 * health, last delivery included (the app re-syncs on every start); new keys, or an endpoint
 * another person subscribed, start clean. A rotated endpoint replaces the caller's old one,
 * never someone else's, and keeps its language when the worker (which does not know the
 * app's) re-subscribed.
 */
export async function resyncDevice(
  pool: Pool, device: Resync,
): Promise<{ id: string; replaced: boolean; locale: AppLocale }> {
  const { rows } = await pool.query<{ id: string; locale: AppLocale }>(
    `INSERT INTO turno.push_subscriptions AS s (endpoint, p256dh, auth, user_name, locale)
      VALUES ($1, $2, $3, $4, COALESCE($5, (SELECT p.locale FROM turno.push_subscriptions p
        WHERE p.endpoint = $6 AND p.user_name = $4), 'es-MX'))
      ON CONFLICT (endpoint) DO UPDATE SET p256dh = EXCLUDED.p256dh, auth = EXCLUDED.auth,
        user_name = EXCLUDED.user_name, locale = COALESCE($5, s.locale),
        last_delivered_at = CASE WHEN ${same} THEN s.last_delivered_at END,
        last_failure_at = CASE WHEN ${same} THEN s.last_failure_at END,
        last_failure = CASE WHEN ${same} THEN s.last_failure END,
        backoff_until = CASE WHEN ${same} THEN s.backoff_until END
      RETURNING id::text AS id, locale`,
    [
      device.endpoint, device.p256dh, device.auth, device.user, device.locale ?? null,
      device.previousEndpoint ?? null,
    ],
  );
  const id = rows[0]?.id;
  const locale = rows[0]?.locale;
  if (!id || !locale) throw new Error('INSERT … RETURNING gave no row');
  let replaced = false;
  if (device.previousEndpoint && device.previousEndpoint !== device.endpoint) {
    const { rowCount } = await pool.query(
      'DELETE FROM turno.push_subscriptions WHERE endpoint = $1 AND user_name = $2',
      [device.previousEndpoint, device.user],
    );
    replaced = (rowCount ?? 0) > 0;
  }
  return { id, replaced, locale };
}

function hostOf(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return 'invalid-endpoint';
  }
}
