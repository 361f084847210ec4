import { describe, expect, it } from 'vitest';
import type { DatabaseInstance } from '../cloud/rds.ts';
import { sandboxDatabaseSeeds } from '../cloud/sandbox-rds-inventory.ts';
import { checkGrowStorage, minimumTargetGiB, planStorageChange } from './grow-storage-plan.ts';

const now = new Date('2025-06-02T18:00:00Z');

function primary(fields: Partial<DatabaseInstance> = {}): DatabaseInstance {
  const seed = sandboxDatabaseSeeds()[0];
  if (!seed) throw new Error('no seed');
  return { ...seed.instance, ...fields };
}

describe('checkGrowStorage', () => {
  it('allows an available instance with no recent change', () => {
    expect(checkGrowStorage(primary(), null, now))
      .toEqual({ allowed: true, reason: null, allowedFrom: null });
  });

  it('refuses while a storage change waits in PendingModifiedValues', () => {
    const db = primary({ pendingModifiedValues: { allocatedStorageGiB: 120 } });

    expect(checkGrowStorage(db, null, now).reason).toBe('storage_change_pending');
  });

  it('says when the 6-hour wait ends', () => {
    const check = checkGrowStorage(primary(), new Date('2025-06-02T13:30:00Z'), now);

    expect(check).toEqual({
      allowed: false, reason: 'storage_changed_recently',
      allowedFrom: new Date('2025-06-02T19:30:00Z'),
    });
  });

  it('allows again 6 hours after the last change', () => {
    expect(checkGrowStorage(primary(), new Date('2025-06-02T12:00:00Z'), now).allowed).toBe(true);
  });
});

describe('minimumTargetGiB and planStorageChange', () => {
  it.each([[100, 110], [380, 418], [20, 22], [101, 112]])(
    'needs %i GiB to grow to at least %i GiB', (current, minimum) => {
      expect(minimumTargetGiB(current)).toBe(minimum);
    });

  it('sends no IOPS for gp2 and magnetic storage', () => {
    for (const storageType of ['gp2', 'standard']) {
      expect(planStorageChange(primary({ storageType, iops: null }), 600))
        .toEqual({ id: 'flotas-develop', allocatedStorageGiB: 600 });
    }
  });

  it.each([
    { max: 110, where: 'equals the target' },
    { max: 115, where: 'sits 5 percent above it' },
    { max: 120, where: 'sits just under 10 percent above it' },
  ])('raises MaxAllocatedStorage to 10 percent above the target when it $where', ({ max }) => {
    const db = primary({ allocatedStorageGiB: 100, maxAllocatedStorageGiB: max });

    expect(planStorageChange(db, 110)).toEqual({
      id: 'flotas-develop', allocatedStorageGiB: 110, maxAllocatedStorageGiB: 121,
    });
  });

  it('leaves MaxAllocatedStorage alone when it is already 10 % above the target', () => {
    const db = primary({ allocatedStorageGiB: 100, maxAllocatedStorageGiB: 121 });

    expect(planStorageChange(db, 110)).not.toHaveProperty('maxAllocatedStorageGiB');
  });

  it('sends no MaxAllocatedStorage when storage autoscaling is off', () => {
    const db = primary({ allocatedStorageGiB: 100, maxAllocatedStorageGiB: null });

    expect(planStorageChange(db, 110)).not.toHaveProperty('maxAllocatedStorageGiB');
  });
});
