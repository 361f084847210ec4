import { afterEach, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../testing/index.ts';
import { inTransaction } from './transaction.ts';

let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

const readValue = async (test: TestDeps) => (await test.statePool.query<{ value: unknown }>(
  "SELECT value FROM turno.settings WHERE key = 'test.tx'")).rows[0]?.value;

const write = (value: string) => `INSERT INTO turno.settings (key, value)
  VALUES ('test.tx', '"${value}"'::jsonb)
  ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`;

describe('inTransaction', () => {
  it('commits what the work wrote and answers what it returned', async () => {
    deps = await createTestDeps();
    const answer = await inTransaction(deps.statePool, async (client) => {
      await client.query(write('kept'));
      return 42;
    });
    expect(answer).toBe(42);
    expect(await readValue(deps)).toBe('kept');
  });

  it('rolls back all the work wrote when it fails, and throws the work\'s own error', async () => {
    deps = await createTestDeps();
    await inTransaction(deps.statePool, (client) => client.query(write('before')));
    const failing = inTransaction(deps.statePool, async (client) => {
      await client.query(write('lost'));
      throw new Error('the work failed');
    });
    await expect(failing).rejects.toThrow('the work failed');
    expect(await readValue(deps)).toBe('before');
  });

  it('gives the client back to the pool whether the work succeeds or fails', async () => {
    deps = await createTestDeps();
    await inTransaction(deps.statePool, async () => 'ok');
    await inTransaction(deps.statePool, async () => { throw new Error('no'); })
      .catch(() => undefined);
    expect(deps.statePool.totalCount - deps.statePool.idleCount).toBe(0);
  });
});
