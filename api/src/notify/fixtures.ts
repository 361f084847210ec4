import type { Pool } from 'pg';
import type { RotationRequest } from '@turno/shared';
import { saveRotation } from './oncall-store.ts';

/** Test support: an open alert as the watcher or a probe would leave it, not pushed yet. */
export async function openAlert(
  pool: Pool,
  options: {
    at: Date; key?: string; severity?: string; resources?: string[];
    /** A probe's subjects; none: every resource counts. */
    subjects?: string[];
    detail?: Record<string, unknown>;
  },
): Promise<string> {
  const key = options.key ?? `test:${Math.random().toString(36).slice(2)}`;
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO turno.alerts (dedup_key, category, card, severity, first_seen, last_seen,
        active_at, opened_at, resources, probe_subjects, detail, count)
      VALUES ($1, 'database-disk-full', '4.1', $2, $3, $3, $3, $3, $4, $5, $6, 1)
      RETURNING id::text AS id`,
    [
      key, options.severity ?? 'warning', options.at, options.resources ?? [],
      options.subjects ?? [], options.detail ?? null,
    ],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('no alert inserted');
  return id;
}

/** Test support: a rotation whose first member is on call at `now`. */
export async function setRotation(
  pool: Pool, members: string[], now: Date, policy: Partial<RotationRequest> = {},
): Promise<void> {
  await saveRotation(pool, {
    members, handoffWeekday: 1, handoffHour: 9, repeatMinutes: 5, escalateAfter: 2, ...policy,
  }, 'admin', now);
}

/** Test support: a device row for `user` (the routes would refuse a local endpoint). */
export async function addDevice(
  pool: Pool, user: string, json: { endpoint: string; keys: { p256dh: string; auth: string } },
): Promise<void> {
  await pool.query(
    `INSERT INTO turno.push_subscriptions (endpoint, p256dh, auth, user_name)
      VALUES ($1, $2, $3, $4)`,
    [json.endpoint, json.keys.p256dh, json.keys.auth, user],
  );
}

export function minutes(n: number): number {
  return n * 60_000;
}
