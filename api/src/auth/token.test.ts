import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { TurnoError } from '@turno/shared';
import { issueToken, verifyToken } from './token.ts';

const secret = () => new Uint8Array(randomBytes(32));

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error instanceof TurnoError ? error.code : 'not-a-turno-error';
  }
}

describe('issueToken and verifyToken', () => {
  it('gives back the user and role a token was issued for', async () => {
    const key = secret();
    const issued = await issueToken({ user: 'operador', role: 'operator' }, key, {
      ttlSeconds: 60,
    });

    await expect(verifyToken(issued.token, key)).resolves.toEqual({
      user: 'operador', role: 'operator',
    });
  });

  it('rejects an expired token as invalid_token', async () => {
    const key = secret();
    const issued = await issueToken({ user: 'admin', role: 'admin' }, key, {
      ttlSeconds: 60, now: new Date(Date.now() - 3_600_000),
    });

    expect(await codeOf(verifyToken(issued.token, key))).toBe('invalid_token');
  });

  it('rejects a token signed with another secret', async () => {
    const issued = await issueToken({ user: 'admin', role: 'admin' }, secret(), {
      ttlSeconds: 60,
    });

    expect(await codeOf(verifyToken(issued.token, secret()))).toBe('invalid_token');
  });

  it('rejects a token for another audience or without a known role', async () => {
    const key = secret();
    const otherAudience = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' }).setSubject('admin').setIssuer('turno')
      .setAudience('someone-else').setExpirationTime('1h').sign(key);
    const unknownRole = await new SignJWT({ role: 'root' })
      .setProtectedHeader({ alg: 'HS256' }).setSubject('admin').setIssuer('turno')
      .setAudience('turno').setExpirationTime('1h').sign(key);

    expect(await codeOf(verifyToken(otherAudience, key))).toBe('invalid_token');
    expect(await codeOf(verifyToken(unknownRole, key))).toBe('invalid_token');
  });

  it('rejects text that is not a JWT at all', async () => {
    expect(await codeOf(verifyToken('not-a-token', secret()))).toBe('invalid_token');
  });
});
