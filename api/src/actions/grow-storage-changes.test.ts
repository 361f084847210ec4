import { afterEach, describe, expect, it } from 'vitest';
import { writeAudit } from '../audit/audit-log.ts';
import type { RdsPort } from '../cloud/rds.ts';
import { sandboxDatabaseSeeds } from '../cloud/sandbox-rds-inventory.ts';
import { createSandboxCloud } from '../cloud/sandbox.ts';
import { recordingLogger } from '../push/testing/recording-logger.ts';
import { createTestDeps, type TestDeps } from '../testing/index.ts';
import { runGrowStorage } from './grow-storage.ts';
import { growStorageAction, lastStorageChanges, listDatabaseViews } from './grow-storage-view.ts';

let deps: TestDeps | undefined;
afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

const now = new Date('2025-06-02T18:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
const ids = ['flotas-develop', 'flotas-develop-replica'];

/** The sandbox with the primary's storage last changed outside Turno at `changedAt`. */
async function setUp(changedAt?: Date, rds?: (sandbox: RdsPort) => RdsPort) {
  const [first, second] = sandboxDatabaseSeeds();
  if (!first || !second) throw new Error('two seeds');
  const databases = [{ ...first, ...(changedAt ? { lastStorageChange: changedAt } : {}) }, second];
  const sandbox = createSandboxCloud({ now: () => now, random: () => 0.5, databases });
  const cloud = { ...sandbox, rds: rds ? rds(sandbox.rds) : sandbox.rds };
  deps = await createTestDeps({ cloud, now: () => now });
  return deps;
}

async function auditGrowth(d: TestDeps, at: Date) {
  await writeAudit(d.statePool, {
    actor: 'admin', role: 'admin', action: growStorageAction, target: 'flotas-develop',
    before: null, after: null, outcome: 'ok',
  }, at);
}

describe('the 6-hour rule', () => {
  it('holds the button back after a change made in the console or by autoscaling', async () => {
    const d = await setUp(hoursAgo(2));

    const [primary, replica] = await listDatabaseViews(d.cloud.rds, d.statePool, now, d.log);

    expect(primary?.growStorage).toMatchObject({
      allowed: false, reason: 'storage_changed_recently',
      allowedFrom: hoursAgo(-4).toISOString(),
    });
    expect(replica?.growStorage.allowed).toBe(true);
  });

  it('refuses the action before asking RDS when the change was made outside Turno', async () => {
    let modifies = 0;
    const d = await setUp(hoursAgo(1), (rds) => ({
      ...rds, modifyStorage: async (change) => { modifies += 1; await rds.modifyStorage(change); },
    }));

    const growth = runGrowStorage(d, {
      principal: { user: 'admin', role: 'admin' }, id: 'flotas-develop', targetGiB: undefined,
      confirm: 'flotas-develop', idempotencyKey: undefined,
    });

    await expect(growth).rejects.toMatchObject({ code: 'storage_changed_recently' });
    expect(modifies).toBe(0);
  });

  it('takes whichever is later, Turno\'s audit or RDS\'s events', async () => {
    const d = await setUp(hoursAgo(5));
    await auditGrowth(d, hoursAgo(3));

    const changes = await lastStorageChanges(d.statePool, d.cloud.rds, ids, now, d.log);

    expect(changes).toEqual(new Map([['flotas-develop', hoursAgo(3)]]));
  });

  it('falls back on the audit alone, saying so in the log, when RDS events cannot be read',
    async () => {
      const d = await setUp(undefined, (rds) => ({
        ...rds,
        recentStorageChanges: async () => {
          throw Object.assign(new Error('not authorized to perform: rds:DescribeEvents'), {
            name: 'AccessDenied',
          });
        },
      }));
      await auditGrowth(d, hoursAgo(1));
      const log = recordingLogger();

      const changes = await lastStorageChanges(d.statePool, d.cloud.rds, ids, now, log);

      expect(changes).toEqual(new Map([['flotas-develop', hoursAgo(1)]]));
      expect(log.lines).toMatchObject([{
        level: 'warn', event: 'database.storage_events_unread', context: { error: 'AccessDenied' },
      }]);
    });
});
