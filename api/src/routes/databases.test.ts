import { afterEach, describe, expect, it } from 'vitest';
import {
  auditEntrySchema, databaseSchema, growStorageResponse, maxStorageGiB,
} from '@turno/shared';
import { createApp } from '../app.ts';
import { RdsError } from '../cloud/rds-errors.ts';
import type { DatabaseInstance, StorageModification } from '../cloud/rds.ts';
import { sandboxDatabaseSeeds } from '../cloud/sandbox-rds-inventory.ts';
import { sandboxStoragePhases } from '../cloud/sandbox-rds.ts';
import { createSandboxCloud } from '../cloud/sandbox.ts';
import type { Cloud } from '../cloud/types.ts';
import { bearer, createTestDeps, signIn, type TestDeps } from '../testing/index.ts';

let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

const hourMs = 3_600_000;
const path = '/api/databases/flotas-develop/grow-storage';

/** A sandbox on a clock the test moves, counting the storage changes it is asked for. */
async function setUp(primary: Partial<DatabaseInstance> = {}, refusal?: RdsError) {
  let clock = new Date('2025-06-02T18:00:00Z').getTime();
  const now = () => new Date(clock);
  const [first, second] = sandboxDatabaseSeeds();
  if (!first || !second) throw new Error('two seeds');
  const databases = [{ ...first, instance: { ...first.instance, ...primary } }, second];
  const sandbox = createSandboxCloud({ now, random: () => 0.5, databases });
  const changes: StorageModification[] = [];
  const cloud: Cloud = {
    ...sandbox,
    rds: {
      ...sandbox.rds,
      async modifyStorage(change) {
        changes.push(change);
        if (refusal) throw refusal;
        await sandbox.rds.modifyStorage(change);
      },
    },
  };
  deps = await createTestDeps({ cloud, now });
  const app = createApp(deps);
  const as = async (user: string) => bearer(await signIn(app, user));
  const grow = async (user: string, body: unknown, key?: string) => app.request(path, {
    method: 'POST',
    headers: {
      ...(await as(user)), 'content-type': 'application/json',
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: JSON.stringify(body),
  });
  const advance = (ms: number) => { clock += ms; };
  return { d: deps, app, as, grow, changes, advance };
}

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

async function auditCount(d: TestDeps): Promise<number> {
  const { rows } = await d.statePool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM turno.audit_log',
  );
  return rows[0]?.n ?? 0;
}

describe('GET /api/databases', () => {
  it('lists both instances with metrics, storage and whether storage may grow', async () => {
    const { app, as } = await setUp();

    const response = await app.request('/api/databases', { headers: await as('observador') });

    expect(response.status).toBe(200);
    const [primary, replica] = ((await response.json()) as unknown[])
      .map((item) => databaseSchema.parse(item));
    expect(primary).toMatchObject({
      id: 'flotas-develop', role: 'primary', status: 'available', instanceClass: 'db.t4g.large',
      storageType: 'gp3', allocatedStorageGiB: 100, cpuPercent: 8.38, connections: 7,
      freeStorageGiB: 18, freeStoragePercent: 18, replicaLagSeconds: null,
      growStorage: { allowed: true, reason: null, suggestedGiB: 110, allowedFrom: null },
    });
    expect(replica).toMatchObject({
      id: 'flotas-develop-replica', role: 'replica', replicaOf: 'flotas-develop',
      replicaLagSeconds: 0.4, freeStoragePercent: 18.5,
    });
  });
});

describe('POST /api/databases/:id/grow-storage', () => {
  it('lets an admin grow storage once, auditing before and after', async () => {
    const { d, app, as, grow, changes } = await setUp();

    const response = await grow('admin', { confirm: 'flotas-develop', targetGiB: 150 });

    expect(response.status).toBe(200);
    const body = growStorageResponse.parse(await response.json());
    expect(changes).toEqual([{ id: 'flotas-develop', allocatedStorageGiB: 150 }]);
    expect(body.database).toMatchObject({
      status: 'modifying', pendingModifiedValues: { allocatedStorageGiB: 150 },
      growStorage: { allowed: false, reason: 'database_not_available' },
    });
    expect(body.audit).toMatchObject({
      actor: 'admin', role: 'admin', action: 'database.grow-storage', target: 'flotas-develop',
      outcome: 'ok',
      before: { status: 'available', allocatedStorageGiB: 100, freeStorageGiB: 18 },
      after: {
        requested: { id: 'flotas-develop', allocatedStorageGiB: 150 },
        status: 'modifying', pendingModifiedValues: { allocatedStorageGiB: 150 },
      },
    });
    const audit = await app.request('/api/audit', { headers: await as('admin') });
    const entries = ((await audit.json()) as unknown[]).map((e) => auditEntrySchema.parse(e));
    expect(entries.map((e) => e.action)).toEqual(['database.grow-storage']);
    expect(await auditCount(d)).toBe(1);
  });

  it('grows by the smallest step RDS accepts when no target is given', async () => {
    const { grow, changes } = await setUp();

    expect((await grow('admin', { confirm: 'flotas-develop' })).status).toBe(200);
    expect(changes).toEqual([{ id: 'flotas-develop', allocatedStorageGiB: 110 }]);
  });

  it.each(['operador', 'observador'])('answers 403 to %s and changes nothing', async (user) => {
    const { d, grow, changes } = await setUp();

    const response = await grow(user, { confirm: 'flotas-develop' });

    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('forbidden');
    expect(changes).toEqual([]);
    expect(await auditCount(d)).toBe(0);
  });

  it('answers 400 confirmation_mismatch when the typed id differs', async () => {
    const { grow, changes } = await setUp();

    const response = await grow('admin', { confirm: 'flotas-develop-replica' });

    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe('confirmation_mismatch');
    expect(changes).toEqual([]);
  });

  it('answers 400 storage_target_too_small under 10 % above the current size', async () => {
    const { d, grow, changes } = await setUp();

    const response = await grow('admin', { confirm: 'flotas-develop', targetGiB: 109 });

    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; details: unknown } };
    expect(body.error).toMatchObject({
      code: 'storage_target_too_small', details: { minimumGiB: 110 },
    });
    expect(changes).toEqual([]);
    expect(await auditCount(d)).toBe(1);
  });

  it('answers 400 for a target above the RDS maximum the grow sheet names', async () => {
    const { grow, changes } = await setUp();

    const response = await grow('admin', {
      confirm: 'flotas-develop', targetGiB: maxStorageGiB + 1,
    });

    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; details: unknown } };
    expect(body.error).toMatchObject({
      code: 'validation_failed', details: { issues: [{ path: 'targetGiB' }] },
    });
    expect(changes).toEqual([]);
  });

  it.each([
    ['backing-up', 'database_not_available'],
    ['storage-optimization', 'storage_optimizing'],
  ])('answers 409 while the instance is %s', async (status, code) => {
    const { app, as, grow, changes } = await setUp({ status });

    const response = await grow('admin', { confirm: 'flotas-develop' });

    expect(response.status).toBe(409);
    expect(await errorCode(response)).toBe(code);
    expect(changes).toEqual([]);
    const list = await app.request('/api/databases', { headers: await as('admin') });
    const [primary] = (await list.json()) as Array<{ growStorage: unknown }>;
    expect(primary?.growStorage).toMatchObject({ allowed: false, reason: code });
  });

  it('grows a storage-full instance, the case of card 4.1', async () => {
    const { grow, changes } = await setUp({ status: 'storage-full' });

    expect((await grow('admin', { confirm: 'flotas-develop' })).status).toBe(200);
    expect(changes).toHaveLength(1);
  });

  it('answers 409 storage_changed_recently within 6 h of the last change', async () => {
    const { app, as, grow, changes, advance } = await setUp();
    await grow('admin', { confirm: 'flotas-develop' });
    advance(sandboxStoragePhases.modifyingMs + sandboxStoragePhases.optimizingMs + hourMs);

    const response = await grow('admin', { confirm: 'flotas-develop', targetGiB: 130 });

    expect(response.status).toBe(409);
    const body = (await response.json()) as { error: { code: string; details: unknown } };
    expect(body.error).toMatchObject({
      code: 'storage_changed_recently', details: { allowedFrom: '2025-06-03T00:00:00.000Z' },
    });
    expect(changes).toHaveLength(1);
    const list = await app.request('/api/databases', { headers: await as('admin') });
    const [primary] = (await list.json()) as Array<{ growStorage: unknown }>;
    expect(primary?.growStorage).toMatchObject({
      allowed: false, reason: 'storage_changed_recently', suggestedGiB: 121,
    });
    advance(5 * hourMs);
    expect((await grow('admin', { confirm: 'flotas-develop', targetGiB: 130 })).status).toBe(200);
  });

  it('acts once under a double tap with one Idempotency-Key', async () => {
    const { d, grow, changes } = await setUp();
    const body = { confirm: 'flotas-develop', targetGiB: 120 };

    const [first, second] = await Promise.all([
      grow('admin', body, 'tap-1'), grow('admin', body, 'tap-1'),
    ]);

    expect([first.status, second.status]).toEqual([200, 200]);
    const replayed = [first, second].map(async (r) => growStorageResponse.parse(await r.json()));
    expect((await Promise.all(replayed)).map((r) => r.replayed).sort()).toEqual([false, true]);
    expect(changes).toHaveLength(1);
    expect(await auditCount(d)).toBe(1);
  });

  it('answers 409 cloud_rejected with AWS\'s reason when RDS refuses, auditing the failure',
    async () => {
      const reason = 'You cannot modify storage while a storage change is being optimized.';
      const { d, grow } = await setUp({}, new RdsError('InvalidParameterCombination', reason));

      const response = await grow('admin', { confirm: 'flotas-develop' });

      expect(response.status).toBe(409);
      const body = (await response.json()) as { error: { code: string; details: unknown } };
      expect(body.error).toMatchObject({
        code: 'cloud_rejected',
        details: { awsError: 'InvalidParameterCombination', awsMessage: reason },
      });
      const { rows } = await d.statePool.query<{ outcome: string; detail: string }>(
        'SELECT outcome, detail FROM turno.audit_log',
      );
      expect(rows).toEqual([{ outcome: 'failed', detail: 'cloud_rejected' }]);
    });

  it('answers 404 database_not_found for an instance Turno does not watch', async () => {
    const { app, as, changes } = await setUp();

    const response = await app.request('/api/databases/other-db/grow-storage', {
      method: 'POST',
      headers: { ...(await as('admin')), 'content-type': 'application/json' },
      body: JSON.stringify({ confirm: 'other-db' }),
    });

    expect(response.status).toBe(404);
    expect(await errorCode(response)).toBe('database_not_found');
    expect(changes).toEqual([]);
  });
});
