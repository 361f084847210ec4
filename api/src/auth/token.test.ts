import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { issueToken, devTokenVerifier } from './token.ts';
import { BearerError, verifyBearer } from './verify-bearer.ts';

const secret = () => new Uint8Array(randomBytes(32));
const hour = 3_600_000;

async function reasonOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error instanceof BearerError ? `${error.code}/${error.reason}` : 'not-a-bearer-error';
  }
}

const check = (token: string, key: Uint8Array, now?: () => Date) =>
  verifyBearer(`Bearer ${token}`, devTokenVerifier(key, now));

/** A dev-shaped token with its claims and header changed, signed with `key`. */
function devToken(key: Uint8Array, claims: Record<string, unknown>, audience = 'turno') {
  return new SignJWT({ token_use: 'access', 'cognito:groups': ['admin'], ...claims })
    .setProtectedHeader({ alg: 'HS256' }).setSubject('admin').setIssuer('turno')
    .setAudience(audience).setExpirationTime('1h').sign(key);
}

describe('issueToken and the dev token verifier', () => {
  it('gives back the user and role a token was issued for', async () => {
    const key = secret();
    const issued = await issueToken({ user: 'operador', role: 'operator' }, key, {
      ttlSeconds: 60,
    });

    await expect(check(issued.token, key)).resolves.toEqual({
      user: 'operador', role: 'operator',
    });
  });

  it('rejects an expired token', async () => {
    const key = secret();
    const issued = await issueToken({ user: 'admin', role: 'admin' }, key, {
      ttlSeconds: 60, now: new Date(Date.now() - hour),
    });

    expect(await reasonOf(check(issued.token, key))).toBe('invalid_token/expired');
  });

  it('judges expiry by the clock it is given', async () => {
    const key = secret();
    const issued = await issueToken({ user: 'admin', role: 'admin' }, key, { ttlSeconds: 60 });

    const later = () => new Date(Date.now() + hour);
    expect(await reasonOf(check(issued.token, key, later))).toBe('invalid_token/expired');
  });

  it('rejects a token issued more than a minute in its clock\'s future', async () => {
    const key = secret();
    const now = new Date('2026-12-04T08:00:00Z');
    const issuedAt = (seconds: number) => issueToken({ user: 'admin', role: 'admin' }, key, {
      ttlSeconds: 3_600, now: new Date(now.getTime() + seconds * 1000),
    });
    const at = () => now;

    expect(await reasonOf(check((await issuedAt(3_000)).token, key, at)))
      .toBe('invalid_token/issued_in_future');
    expect(await reasonOf(check((await issuedAt(61)).token, key, at)))
      .toBe('invalid_token/issued_in_future');
    expect(await reasonOf(check((await issuedAt(60)).token, key, at))).toBeUndefined();
  });

  it('rejects a token signed with another secret', async () => {
    const issued = await issueToken({ user: 'admin', role: 'admin' }, secret(), {
      ttlSeconds: 60,
    });

    expect(await reasonOf(check(issued.token, secret()))).toBe('invalid_token/invalid_token');
  });

  it('rejects a token for another audience, or in no Turno group', async () => {
    const key = secret();
    const otherAudience = await devToken(key, {}, 'someone-else');
    const unknownRole = await devToken(key, { 'cognito:groups': ['root'] });
    const oldRoleClaim = await devToken(key, { 'cognito:groups': undefined, role: 'admin' });

    expect(await reasonOf(check(otherAudience, key))).toBe('invalid_token/other_client');
    expect(await reasonOf(check(unknownRole, key))).toBe('invalid_token/no_turno_group');
    expect(await reasonOf(check(oldRoleClaim, key))).toBe('invalid_token/no_turno_group');
  });

  it('rejects an unsigned token and one signed with another algorithm', async () => {
    const key = secret();
    const valid = await devToken(key, {});
    const [, payload] = valid.split('.');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    const hs512 = await new SignJWT({ token_use: 'access', 'cognito:groups': ['admin'] })
      .setProtectedHeader({ alg: 'HS512' }).setSubject('admin').setIssuer('turno')
      .setAudience('turno').setExpirationTime('1h').sign(key);

    expect(await reasonOf(check(none, key))).toBe('invalid_token/bad_algorithm');
    expect(await reasonOf(check(hs512, key))).toBe('invalid_token/bad_algorithm');
  });

  it('rejects text that is not a JWT at all', async () => {
    expect(await reasonOf(check('not-a-token', secret()))).toBe('invalid_token/malformed_token');
  });
});
