import type { AppDeps } from '../types.ts';
import { allQuietHours, quietHoursOf } from './quiet-store.ts';

/**
 * Who a push may reach now, quiet hours respected: the named people less those in their quiet
 * hours, or with `users` null every subscribed person less those (undefined: every
 * subscription, because nobody is quiet or the push is critical). An empty list: nobody now.
 */
export async function awakeRecipients(
  deps: AppDeps, users: readonly string[] | null, severity: string, now: Date,
): Promise<string[] | undefined> {
  // Imported on use: luxon stays out of the api's cold start (docs/benchmarks.md).
  const { bypassesQuietHours, inQuietHours } = await import('./quiet-hours.ts');
  if (users !== null) {
    if (bypassesQuietHours(severity)) return [...users];
    const hours = await quietHoursOf(deps.statePool, [...users]);
    return users.filter((user) => !inQuietHours(now, hours.get(user)));
  }
  if (bypassesQuietHours(severity)) return undefined;
  const quiet = [...(await allQuietHours(deps.statePool))]
    .filter(([, hours]) => inQuietHours(now, hours)).map(([user]) => user);
  if (quiet.length === 0) return undefined;
  const { rows } = await deps.statePool.query<{ user_name: string }>(
    `SELECT DISTINCT user_name FROM turno.push_subscriptions
      WHERE NOT (user_name = ANY($1)) ORDER BY 1`,
    [quiet],
  );
  return rows.map((row) => row.user_name);
}
