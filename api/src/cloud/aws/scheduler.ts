import { randomUUID } from 'node:crypto';
import {
  GetScheduleCommand, ListScheduleGroupsCommand, ListSchedulesCommand, SchedulerClient,
  UpdateScheduleCommand, type SchedulerClientConfig,
} from '@aws-sdk/client-scheduler';
import type { Logger } from '../../types.ts';
import type { ScheduleSummary, SchedulerPort } from '../types.ts';
import { withRetry, type RetryOptions } from './retry.ts';
import { fromGetSchedule, fromListedSchedule, toUpdateScheduleInput } from './scheduler-shapes.ts';
import { createKeyedQueue } from './serialize.ts';

export interface AwsSchedulerOptions {
  log?: Logger;
  /** Waits between retries; tests pass one that resolves at once. */
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source in [0, 1). */
  random?: () => number;
}

/** The largest page ListScheduleGroups and ListSchedules accept. */
const pageSize = 100;

/** The port over a new client, made here so a bundle keeps only the commands sent below. */
export function openAwsScheduler(
  config: SchedulerClientConfig, options: AwsSchedulerOptions = {},
): SchedulerPort {
  return createAwsScheduler(new SchedulerClient(config), options);
}

/**
 * EventBridge Scheduler through SDK v3. Errors keep the SDK's names (`error.name`) so
 * `callCloud` maps them; throttling is retried here with full jitter, and so are conflicts,
 * except UpdateSchedule's, which need a fresh read (`setScheduleState` does that).
 */
export function createAwsScheduler(
  client: SchedulerClient, options: AwsSchedulerOptions = {},
): SchedulerPort {
  const log = options.log?.child('aws.scheduler');
  const retry: RetryOptions = {
    ...(log ? { log } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.random ? { random: options.random } : {}),
  };
  const queue = createKeyedQueue();

  async function listGroups(): Promise<string[]> {
    const groups: string[] = [];
    let token: string | undefined;
    do {
      const input = { MaxResults: pageSize, ...(token ? { NextToken: token } : {}) };
      const page = await withRetry('ListScheduleGroups',
        () => client.send(new ListScheduleGroupsCommand(input)), retry);
      for (const group of page.ScheduleGroups ?? []) {
        // A group being deleted takes its schedules with it.
        if (group.Name && group.State !== 'DELETING') groups.push(group.Name);
      }
      token = page.NextToken;
    } while (token);
    return groups;
  }

  async function listInGroup(group: string): Promise<ScheduleSummary[]> {
    const schedules: ScheduleSummary[] = [];
    let token: string | undefined;
    do {
      const input = {
        GroupName: group, MaxResults: pageSize, ...(token ? { NextToken: token } : {}),
      };
      const page = await withRetry(`ListSchedules ${group}`,
        () => client.send(new ListSchedulesCommand(input)), retry);
      for (const listed of page.Schedules ?? []) {
        const summary = fromListedSchedule(listed);
        if (summary) schedules.push(summary);
      }
      token = page.NextToken;
    } while (token);
    return schedules;
  }

  return {
    async listSchedules() {
      // The groups are few (the runbook's `default` and Turno's own): read side by side.
      const byGroup = await Promise.all((await listGroups()).map(listInGroup));
      return byGroup.flat();
    },

    async getSchedule(group, name) {
      try {
        const output = await withRetry(`GetSchedule ${group}/${name}`,
          () => client.send(new GetScheduleCommand({ GroupName: group, Name: name })), retry);
        return fromGetSchedule(output, group, name);
      } catch (error) {
        if (error instanceof Error && error.name === 'ResourceNotFoundException') return null;
        throw error;
      }
    },

    async updateSchedule(update, budget) {
      // One ClientToken for every resend of this body lets AWS recognise a write that did land.
      const clientToken = update.ClientToken ?? randomUUID();
      const input = toUpdateScheduleInput({ ...update, ClientToken: clientToken });
      // A conflict is left to the caller: the body came from a read another writer has outdated.
      await withRetry(`UpdateSchedule ${update.GroupName}/${update.Name}`,
        () => client.send(new UpdateScheduleCommand(input)),
        { ...retry, retryConflicts: false, ...(budget ? { budget } : {}) });
    },

    exclusive(group, name, work) {
      return queue.run(`${group}/${name}`, work);
    },
  };
}
