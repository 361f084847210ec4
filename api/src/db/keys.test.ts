import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../testing/index.ts';
import { loadJwtSecret } from './jwt-secret.ts';
import { runMigrations } from './migrate.ts';
import { loadVapidKeys } from './vapid.ts';

describe('keys kept in turno.settings', () => {
  let deps: TestDeps;
  beforeAll(async () => {
    deps = await createTestDeps();
  });
  afterAll(async () => {
    await deps.close();
  });

  it('generates the VAPID pair once and gives the same pair to every later start', async () => {
    const starts = await Promise.all([1, 2, 3].map(() =>
      loadVapidKeys(deps.statePool, 'mailto:oncall@example.com')));

    expect(new Set(starts.map((keys) => keys.publicKey)).size).toBe(1);
    expect(starts[0]?.publicKey).toBe(deps.keys.vapid.publicKey);
    expect(Buffer.from(deps.keys.vapid.publicKey, 'base64url')).toHaveLength(65);
  });

  it('keeps one 32-byte JWT secret per installation', async () => {
    const again = await loadJwtSecret(deps.statePool);

    expect(again).toHaveLength(32);
    expect(Buffer.from(again).equals(Buffer.from(deps.keys.jwtSecret))).toBe(true);
  });

  it('applies no migration twice', async () => {
    expect(await runMigrations(deps.statePool, deps.log)).toEqual([]);
  });
});
