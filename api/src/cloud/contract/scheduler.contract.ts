import { describe, expect, it } from 'vitest';
import { setScheduleState } from '../../actions/schedule-state.ts';
import type { ScheduleDocument, ScheduleUpdate, SchedulerPort } from '../types.ts';
import { contractNow, contractSchedules, richSchedule } from './contract-schedules.ts';

export interface SchedulerSeed {
  schedules: ScheduleDocument[];
  now: () => Date;
}

export type MakeSchedulerPort = (seed: SchedulerSeed) => SchedulerPort;

const group = 'up-sync';
const name = 'linde-mix-get-events';

/** Everything of a document UpdateSchedule accepts, as Turno would send it. */
function updateOf(document: ScheduleDocument): ScheduleUpdate {
  const { Arn, CreationDate, LastModificationDate, ...writable } = document;
  return structuredClone(writable);
}

/**
 * What Turno relies on from EventBridge Scheduler, run against every implementation of
 * SchedulerPort (the sandbox and the AWS adapter) so they cannot drift apart.
 */
export function describeSchedulerContract(label: string, makePort: MakeSchedulerPort): void {
  const start = (schedules = contractSchedules()) =>
    makePort({ schedules, now: () => contractNow });

  describe(`SchedulerPort contract: ${label}`, () => {
    it('lists every schedule of every group once, with its target and state', async () => {
      const port = start();

      const listed = await port.listSchedules();

      const keys = listed.map((s) => `${s.GroupName}/${s.Name}`).sort();
      expect(keys).toEqual(contractSchedules().map((s) => `${s.GroupName}/${s.Name}`).sort());
      for (const seeded of contractSchedules()) {
        expect(listed).toContainEqual({
          GroupName: seeded.GroupName, Name: seeded.Name, State: seeded.State,
          TargetArn: seeded.Target.Arn, LastModificationDate: seeded.LastModificationDate,
        });
      }
    });

    it('returns the whole document of one schedule, metadata included', async () => {
      const port = start();

      expect(await port.getSchedule(group, name)).toEqual(richSchedule());
    });

    it('returns null for a schedule that does not exist', async () => {
      const port = start();

      expect(await port.getSchedule(group, 'no-such-schedule')).toBeNull();
      expect(await port.getSchedule('no-such-group', name)).toBeNull();
    });

    it('replaces the whole schedule on update, so a field left out is lost', async () => {
      const port = start();
      const { Description, KmsKeyArn, ...update } = updateOf(richSchedule());

      await port.updateSchedule({ ...update, ScheduleExpression: 'rate(10 minutes)' });

      const after = await port.getSchedule(group, name);
      expect(Description).toBeDefined();
      expect(after).not.toHaveProperty('Description');
      expect(after).not.toHaveProperty('KmsKeyArn');
      expect(after).toMatchObject({
        ScheduleExpression: 'rate(10 minutes)',
        Arn: richSchedule().Arn,
        CreationDate: richSchedule().CreationDate,
        LastModificationDate: contractNow,
      });
    });

    it('rejects an update of a schedule that does not exist as ResourceNotFoundException',
      async () => {
        const port = start();

        await expect(port.updateSchedule({ ...updateOf(richSchedule()), Name: 'nope' }))
          .rejects.toMatchObject({ name: 'ResourceNotFoundException' });
      });

    it('rejects a StartDate older than five minutes as ValidationException', async () => {
      const port = start();
      const startDate = new Date(contractNow.getTime() - 6 * 60_000);

      await expect(port.updateSchedule({ ...updateOf(richSchedule()), StartDate: startDate }))
        .rejects.toMatchObject({ name: 'ValidationException' });
      expect(await port.getSchedule(group, name)).toEqual(richSchedule());
    });

    it('pauses a schedule keeping every other field, changing only its state', async () => {
      const port = start();

      const change = await setScheduleState(port, group, name, 'DISABLED', { now: contractNow });

      expect(await port.getSchedule(group, name)).toEqual({
        ...richSchedule(), State: 'DISABLED', LastModificationDate: contractNow,
      });
      expect(change).toMatchObject({ changed: true, droppedStartDate: null });
    });

    it('resumes a paused schedule keeping its input, retry policy and dead-letter queue',
      async () => {
        const port = start(contractSchedules(richSchedule({ State: 'DISABLED' })));

        await setScheduleState(port, group, name, 'ENABLED', { now: contractNow });

        expect(await port.getSchedule(group, name)).toEqual({
          ...richSchedule(), State: 'ENABLED', LastModificationDate: contractNow,
        });
      });

    it('drops a StartDate that has passed and records it in the change', async () => {
      const startDate = new Date('2024-01-01T00:00:00Z');
      const port = start(contractSchedules(richSchedule({ StartDate: startDate })));

      const change = await setScheduleState(port, group, name, 'DISABLED', { now: contractNow });

      const { StartDate, ...kept } = richSchedule();
      expect(change.droppedStartDate).toEqual(startDate);
      expect(await port.getSchedule(group, name)).toEqual({
        ...kept, State: 'DISABLED', LastModificationDate: contractNow,
      });
    });

    it('fails with schedule_not_found when pausing a schedule that does not exist', async () => {
      const port = start();

      await expect(setScheduleState(port, group, 'no-such-schedule', 'DISABLED', {
        now: contractNow,
      })).rejects.toMatchObject({ code: 'schedule_not_found' });
    });
  });
}
