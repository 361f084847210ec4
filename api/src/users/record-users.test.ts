import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import type { TokenVerifier } from '../auth/verify-bearer.ts';
import { createTestDeps, type TestDeps } from '../testing/index.ts';

let deps: TestDeps | undefined;
let clock = new Date('2026-01-07T18:00:00Z');

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

/** Cognito as the API sees it: the token "pepa:operator" is pepa in group operator. */
const cognitoLike: TokenVerifier = {
  verify: async (token) => {
    const [username, group] = token.split(':');
    return { token_use: 'access', exp: 4_102_444_800, username, 'cognito:groups': [group] };
  },
};

async function setUp() {
  clock = new Date('2026-01-07T18:00:00Z');
  deps = await createTestDeps({ now: () => clock, config: { devSignIn: false } });
  const d = deps;
  d.tokens = cognitoLike;
  const app = createApp(d);
  const call = (token: string, path = '/api/oncall', init: RequestInit = {}) =>
    app.request(path, {
      ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
  const putOnCall = (members: string[]) => call('luz:admin', '/api/oncall/rotation', {
    method: 'PUT', body: JSON.stringify({
      members, handoffWeekday: 1, handoffHour: 9, repeatMinutes: 5, escalateAfter: 2,
    }),
  });
  const users = async () => (await d.statePool.query(
    'SELECT user_name, role, first_seen_at, last_seen_at FROM turno.users ORDER BY 1',
  )).rows;
  return { call, putOnCall, users };
}

describe('users seen calling the API', () => {
  it('records each caller with the role their token gave them', async () => {
    const { call, users } = await setUp();

    await call('pepa:operator');
    clock = new Date(clock.getTime() + 60_000);
    await call('vero:viewer');

    expect(await users()).toEqual([
      {
        user_name: 'pepa', role: 'operator',
        first_seen_at: new Date('2026-01-07T18:00:00Z'),
        last_seen_at: new Date('2026-01-07T18:00:00Z'),
      },
      {
        user_name: 'vero', role: 'viewer',
        first_seen_at: new Date('2026-01-07T18:01:00Z'),
        last_seen_at: new Date('2026-01-07T18:01:00Z'),
      },
    ]);
  });

  it('may put on call a Cognito operator once seen, and not a viewer nor a stranger',
    async () => {
      const { call, putOnCall } = await setUp();

      expect(await (await putOnCall(['pepa'])).json())
        .toMatchObject({ error: { code: 'oncall_person_unknown' } });
      await call('pepa:operator');
      await call('vero:viewer');

      expect((await putOnCall(['pepa'])).status).toBe(200);
      expect(await (await putOnCall(['pepa', 'vero'])).json())
        .toMatchObject({ error: { code: 'oncall_person_cannot_acknowledge' } });
      const body = (await (await call('pepa:operator')).json()) as { knownUsers: string[] };
      expect(body.knownUsers).toEqual(['luz', 'pepa']);
    });

  it('takes a new role at once when someone is promoted', async () => {
    const { call, putOnCall, users } = await setUp();
    await call('vero:viewer');

    await call('vero:operator');

    expect((await users()).find((u) => u.user_name === 'vero')?.role).toBe('operator');
    expect((await putOnCall(['vero'])).status).toBe(200);
  });
});
