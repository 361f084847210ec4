import type pg from 'pg';
import webPush from 'web-push';
import * as z from 'zod';
import type { VapidKeys } from '../push/types.ts';
import { loadOrCreateSetting } from './settings.ts';

const vapidSchema = z.object({ publicKey: z.base64url(), privateKey: z.base64url() });

/** The VAPID pair, generated on first start; browsers subscribed with it keep working after. */
export async function loadVapidKeys(pool: pg.Pool, subject: string): Promise<VapidKeys> {
  const keys = await loadOrCreateSetting(pool, 'vapid_keys', vapidSchema, () => {
    const generated = webPush.generateVAPIDKeys();
    return { publicKey: generated.publicKey, privateKey: generated.privateKey };
  });
  return { ...keys, subject };
}
