import type { Role } from '@turno/shared';
import type { User } from 'oidc-client-ts';

const ranked: readonly Role[] = ['admin', 'operator', 'viewer'];

/** The highest of Turno's roles among Cognito groups (admin > operator > viewer), or null. */
export function roleFromGroups(groups: unknown): Role | null {
  const list: unknown[] = Array.isArray(groups) ? groups : [];
  return ranked.find((role) => list.includes(role)) ?? null;
}

/** A Cognito user in none of Turno's groups: the authorizer refuses every call they make. */
export class NoTurnoRoleError extends Error {
  constructor() {
    super('The Cognito user is in no Turno group (viewer, operator, admin)');
    this.name = 'NoTurnoRoleError';
  }
}

/** A JWT's claims, not verified: for display only, the API verifies every token it gets. */
export function jwtClaims(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) return {};
  try {
    const binary = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof claims === 'object' && claims !== null ? claims as Record<string, unknown> : {};
  } catch {
    return {};
  }
}

/** What the PWA keeps of a Cognito sign-in: the ACCESS token is what the authorizer checks. */
export interface CognitoSession {
  kind: 'cognito';
  token: string;
  role: Role;
  user: string;
  expiresAt: string;
  /** A refresh token is kept, so an expired access token can be renewed without a redirect. */
  renewable: boolean;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The session a Cognito user gives: name from the ID token, role from `cognito:groups`. */
export function sessionFromUser(user: User): CognitoSession {
  const access = jwtClaims(user.access_token);
  const role = roleFromGroups(access['cognito:groups'] ?? user.profile['cognito:groups']);
  if (!role) throw new NoTurnoRoleError();
  const name = text(user.profile.email) ?? text(user.profile['cognito:username'])
    ?? text(access.username) ?? user.profile.sub;
  return {
    kind: 'cognito',
    token: user.access_token,
    role,
    user: name,
    expiresAt: new Date((user.expires_at ?? 0) * 1000).toISOString(),
    renewable: Boolean(user.refresh_token),
  };
}
