import type { Pool, PoolClient } from 'pg';
import type { Role } from '@turno/shared';
import type { AppConfig, Principal } from '../types.ts';

type Db = Pool | PoolClient;

/** Notes that `principal` used Turno at `at`, with the role its token gave it then. */
export async function recordUser(db: Db, principal: Principal, at: Date): Promise<void> {
  await db.query(
    `INSERT INTO turno.users (user_name, role, first_seen_at, last_seen_at)
      VALUES ($1, $2, $3, $3)
      ON CONFLICT (user_name) DO UPDATE SET role = EXCLUDED.role,
        last_seen_at = greatest(turno.users.last_seen_at, EXCLUDED.last_seen_at)`,
    [principal.user, principal.role, at],
  );
}

/**
 * Each person Turno knows and their role: everyone seen signed in, and where dev sign-in is on
 * the configured dev users, whose configured role wins (it is what their next sign-in gets).
 */
export async function knownRoles(db: Db, config: AppConfig): Promise<Map<string, Role>> {
  const { rows } = await db.query<{ user_name: string; role: Role }>(
    'SELECT user_name, role FROM turno.users ORDER BY user_name LIMIT 1000',
  );
  const roles = new Map(rows.map((row) => [row.user_name, row.role]));
  if (devUsersSignIn(config)) {
    for (const [user, role] of Object.entries(config.devUsers)) roles.set(user, role);
  }
  return roles;
}

/** Dev users can sign in only where dev sign-in is on and no Cognito user pool is. */
function devUsersSignIn(config: AppConfig): boolean {
  return config.devSignIn && !config.onLambda && !config.auth.cognito;
}
