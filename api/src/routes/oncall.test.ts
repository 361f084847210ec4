import { afterEach, describe, expect, it } from 'vitest';
import { oncallResponse } from '@turno/shared';
import { createApp } from '../app.ts';
import { bearer, createTestDeps, signIn, type TestDeps } from '../testing/index.ts';

let deps: TestDeps | undefined;
// Wednesday noon in Mexico City.
const clock = new Date('2026-01-07T18:00:00Z');

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

/** The dev users, and the people the tests put on call: operators and an admin. */
const devUsers = {
  operador: 'operator', observador: 'viewer', admin: 'admin',
  ana: 'operator', beto: 'operator', caro: 'admin', dora: 'operator',
} as const;

async function setUp() {
  deps = await createTestDeps({ now: () => clock, config: { devUsers } });
  const app = createApp(deps);
  const as = async (user: string) => ({
    ...bearer(await signIn(app, user)), 'content-type': 'application/json',
  });
  const read = async () => oncallResponse.parse(
    await (await app.request('/api/oncall', { headers: await as('observador') })).json(),
  );
  return { d: deps, app, as, read };
}

const rotation = {
  members: ['ana', 'beto', 'caro'], handoffWeekday: 1, handoffHour: 9,
  repeatMinutes: 5, escalateAfter: 2,
};

describe('GET /api/oncall', () => {
  it('names no one before a rotation is set, and offers those who can acknowledge', async () => {
    const { read } = await setUp();

    const body = await read();

    expect(body.now).toEqual({ user: null, source: null, until: null });
    expect(body.weeks).toEqual([]);
    expect(body.knownUsers).toEqual(['admin', 'ana', 'beto', 'caro', 'dora', 'operador']);
    expect(body.cannotAcknowledge).toEqual([]);
    expect(body.rotation).toMatchObject({ repeatMinutes: 5, escalateAfter: 2, members: [] });
  });
});

describe('PUT /api/oncall/rotation', () => {
  it('puts the first member on call from this week’s handoff and lists the weeks', async () => {
    const { app, as, read } = await setUp();

    const response = await app.request('/api/oncall/rotation', {
      method: 'PUT', headers: await as('admin'), body: JSON.stringify(rotation),
    });

    expect(response.status).toBe(200);
    const body = await read();
    expect(body.now).toEqual({
      user: 'ana', source: 'rotation', until: '2026-01-12T15:00:00.000Z',
    });
    expect(body.escalation).toEqual(['ana', 'beto', 'caro']);
    expect(body.weeks).toHaveLength(8);
    expect(body.weeks.slice(0, 4).map((week) => week.user))
      .toEqual(['ana', 'beto', 'caro', 'ana']);
    expect(body.weeks[0]?.startsAt).toBe('2026-01-05T15:00:00.000Z');
  });

  it('answers 403 to an operator and keeps the rotation', async () => {
    const { app, as, read } = await setUp();

    const response = await app.request('/api/oncall/rotation', {
      method: 'PUT', headers: await as('operador'), body: JSON.stringify(rotation),
    });

    expect(response.status).toBe(403);
    expect((await read()).rotation.members).toEqual([]);
  });

  it.each([
    ['a repeated member', { ...rotation, members: ['ana', 'ana'] }],
    ['no members', { ...rotation, members: [] }],
    ['hour 24', { ...rotation, handoffHour: 24 }],
    ['weekday 0', { ...rotation, handoffWeekday: 0 }],
    ['a name with spaces', { ...rotation, members: ['ana maría'] }],
  ])('answers 400 rotation_invalid for %s', async (_name, body) => {
    const { app, as } = await setUp();

    const response = await app.request('/api/oncall/rotation', {
      method: 'PUT', headers: await as('admin'), body: JSON.stringify(body),
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'rotation_invalid' } });
  });
});

describe('/api/oncall/overrides', () => {
  it('puts the override’s person on call while it lasts, and removes it', async () => {
    const { app, as, read } = await setUp();
    const admin = await as('admin');
    await app.request('/api/oncall/rotation', {
      method: 'PUT', headers: admin, body: JSON.stringify(rotation),
    });

    const created = await app.request('/api/oncall/overrides', {
      method: 'POST', headers: admin,
      body: JSON.stringify({
        user: 'dora', startsAt: '2026-01-07T08:00:00-06:00', endsAt: '2026-01-08T08:00:00-06:00',
        reason: 'Cambio de turno',
      }),
    });
    expect(created.status).toBe(201);
    const override = (await created.json()) as { id: string; startsAt: string };
    expect(override.startsAt).toBe('2026-01-07T14:00:00.000Z');
    const during = await read();
    expect(during.now).toEqual({
      user: 'dora', source: 'override', until: '2026-01-08T14:00:00.000Z',
    });
    expect(during.escalation).toEqual(['dora', 'ana', 'beto', 'caro']);

    const removed = await app.request(`/api/oncall/overrides/${override.id}`, {
      method: 'DELETE', headers: admin,
    });
    expect(removed.status).toBe(200);
    expect((await read()).now.user).toBe('ana');
  });

  it('answers 400 override_invalid for an end before its start', async () => {
    const { app, as } = await setUp();

    const response = await app.request('/api/oncall/overrides', {
      method: 'POST', headers: await as('admin'),
      body: JSON.stringify({
        user: 'dora', startsAt: '2026-01-08T08:00:00Z', endsAt: '2026-01-07T08:00:00Z',
      }),
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'override_invalid' } });
  });

  it('answers 404 override_not_found for an unknown override', async () => {
    const { app, as } = await setUp();

    const response = await app.request('/api/oncall/overrides/999', {
      method: 'DELETE', headers: await as('admin'),
    });

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'override_not_found' } });
  });

  it('audits the rotation and each override change', async () => {
    const { app, as } = await setUp();
    const admin = await as('admin');
    await app.request('/api/oncall/rotation', {
      method: 'PUT', headers: admin, body: JSON.stringify(rotation),
    });
    await app.request('/api/oncall/overrides', {
      method: 'POST', headers: admin,
      body: JSON.stringify({
        user: 'dora', startsAt: '2026-01-07T08:00:00Z', endsAt: '2026-01-08T08:00:00Z',
      }),
    });

    const audit = (await (await app.request('/api/audit', { headers: admin })).json()) as
      Array<{ action: string; actor: string; after: unknown }>;

    expect(audit.map((row) => row.action)).toEqual(['oncall.override.add', 'oncall.rotation']);
    expect(audit[1]?.after).toMatchObject({ members: ['ana', 'beto', 'caro'] });
  });
});

describe('who may be on call', () => {
  it.each([
    ['a viewer', 'observador', 'oncall_person_cannot_acknowledge'],
    ['someone Turno does not know', 'pepito', 'oncall_person_unknown'],
  ])('refuses %s in the rotation with 400, naming them', async (_who, name, code) => {
    const { app, as, read } = await setUp();

    const response = await app.request('/api/oncall/rotation', {
      method: 'PUT', headers: await as('admin'),
      body: JSON.stringify({ ...rotation, members: ['ana', name] }),
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code, details: { names: [name] } } });
    expect((await read()).rotation.members).toEqual([]);
  });

  it.each([
    ['a viewer', 'observador', 'oncall_person_cannot_acknowledge'],
    ['someone Turno does not know', 'pepito', 'oncall_person_unknown'],
  ])('refuses an override for %s with 400', async (_who, name, code) => {
    const { app, as, read } = await setUp();

    const response = await app.request('/api/oncall/overrides', {
      method: 'POST', headers: await as('admin'), body: JSON.stringify({
        user: name, startsAt: '2026-01-07T08:00:00Z', endsAt: '2026-01-08T08:00:00Z',
      }),
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code } });
    expect((await read()).overrides).toEqual([]);
  });

  it('flags a member who became a viewer since the rotation was set', async () => {
    const { d, app, as, read } = await setUp();
    await app.request('/api/oncall/rotation', {
      method: 'PUT', headers: await as('admin'), body: JSON.stringify(rotation),
    });

    d.config.devUsers = { ...devUsers, beto: 'viewer' };

    const body = await read();
    expect(body.cannotAcknowledge).toEqual(['beto']);
    expect(body.knownUsers).not.toContain('beto');
  });
});
