import { createAwsScheduler } from '../aws/scheduler.ts';
import { createSandboxCloud } from '../sandbox.ts';
import { createFakeSchedulerApi } from './fake-scheduler-api.ts';
import { describeSchedulerContract } from './scheduler.contract.ts';

describeSchedulerContract('sandbox cloud', ({ schedules, now }) =>
  createSandboxCloud({ schedules, now }).scheduler);

describeSchedulerContract('AWS adapter over SDK v3', ({ schedules, now }) =>
  createAwsScheduler(createFakeSchedulerApi({ schedules, now }).client, {
    sleep: async () => {},
  }));
