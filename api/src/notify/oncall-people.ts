import { TurnoError, type Role } from '@turno/shared';
import { hasRole } from '../auth/middleware.ts';
import type { AppDeps } from '../types.ts';
import { knownRoles } from '../users/user-store.ts';

/** Who can be on call: people who may acknowledge (operator or admin) and are known. */
export interface OncallPeople {
  /** Known operators and admins, sorted: what the on-call forms offer. */
  responders: string[];
  /** Of the names given, those nobody knows and those who may not acknowledge. */
  unknown: string[];
  cannotAcknowledge: string[];
}

/** Sorts `names` by what Turno knows of them. */
export async function oncallPeople(deps: AppDeps, names: readonly string[] = []):
Promise<OncallPeople> {
  const roles = await knownRoles(deps.statePool, deps.config);
  const canAck = (role: Role | undefined) => role !== undefined && hasRole(role, 'operator');
  const unique = [...new Set(names)];
  return {
    responders: [...roles].filter(([, role]) => canAck(role)).map(([user]) => user).sort(),
    unknown: unique.filter((name) => !roles.has(name)),
    cannotAcknowledge: unique.filter((name) => roles.has(name) && !canAck(roles.get(name))),
  };
}

/**
 * Throws 400 unless everyone named may be on call: someone who cannot acknowledge would be
 * pushed every alert while its escalation goes on regardless.
 */
export async function requireResponders(deps: AppDeps, names: readonly string[]):
Promise<void> {
  const { unknown, cannotAcknowledge } = await oncallPeople(deps, names);
  if (unknown.length > 0) {
    throw new TurnoError('oncall_person_unknown', undefined, { names: unknown });
  }
  if (cannotAcknowledge.length > 0) {
    throw new TurnoError('oncall_person_cannot_acknowledge', undefined, {
      names: cannotAcknowledge,
    });
  }
}
