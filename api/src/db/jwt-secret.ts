import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import * as z from 'zod';
import { loadOrCreateSetting } from './settings.ts';

const secretSchema = z.object({ key: z.base64url().min(43) });

/** The HS256 key for session tokens: 32 random bytes, generated once per installation. */
export async function loadJwtSecret(pool: pg.Pool): Promise<Uint8Array> {
  const stored = await loadOrCreateSetting(pool, 'jwt_secret', secretSchema, () => ({
    key: randomBytes(32).toString('base64url'),
  }));
  return new Uint8Array(Buffer.from(stored.key, 'base64url'));
}
