import type { Role } from '@turno/shared';

/** Highest first: a user in several groups acts with the strongest role. */
const byRank: readonly Role[] = ['admin', 'operator', 'viewer'];

/** The role a Cognito user's groups (`cognito:groups`) give; undefined when none is Turno's. */
export function roleFromGroups(groups: unknown): Role | undefined {
  if (!Array.isArray(groups)) return undefined;
  return byRank.find((role) => groups.includes(role));
}
