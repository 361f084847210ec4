import { afterEach, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../testing/index.ts';
import { runIdempotent } from './idempotency.ts';

let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

const request = (key: string | undefined) =>
  ({ actor: 'operador', key, action: 'alert.resolve', target: 'alert/1' });

describe('runIdempotent', () => {
  it('acts once for a base64 key sent twice and replays the first answer', async () => {
    deps = await createTestDeps();
    let acted = 0;
    const act = async () => ({ n: ++acted });

    const first = await runIdempotent(deps.statePool, request('abc/def+=='), act);
    const second = await runIdempotent(deps.statePool, request('abc/def+=='), act);

    expect([first, second]).toEqual([
      { body: { n: 1 }, replayed: false }, { body: { n: 1 }, replayed: true },
    ]);
  });

  it.each([
    ['a space', 'tap 1'],
    ['129 characters', 'k'.repeat(129)],
    ['an empty value', ''],
  ])('refuses a key with %s before acting, with the catalog code', async (_name, key) => {
    deps = await createTestDeps();
    let acted = 0;

    const attempt = runIdempotent(deps.statePool, request(key), async () => ++acted);

    await expect(attempt).rejects.toMatchObject({
      code: 'idempotency_key_invalid', status: 400,
      message: 'The Idempotency-Key header must be 1 to 128 visible ASCII characters.',
    });
    expect(acted).toBe(0);
  });

  it('simply acts when no key is sent', async () => {
    deps = await createTestDeps();

    const result = await runIdempotent(deps.statePool, request(undefined), async () => 'done');

    expect(result).toEqual({ body: 'done', replayed: false });
  });
});
