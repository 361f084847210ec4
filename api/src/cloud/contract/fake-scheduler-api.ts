import {
  ConflictException, GetScheduleCommand, ListScheduleGroupsCommand, ListSchedulesCommand,
  ResourceNotFoundException, SchedulerClient, ThrottlingException, UpdateScheduleCommand,
  ValidationException,
  type GetScheduleCommandInput, type ListScheduleGroupsCommandInput,
  type ListSchedulesCommandInput, type UpdateScheduleCommandInput,
} from '@aws-sdk/client-scheduler';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';
import type { ScheduleDocument } from '../types.ts';
import { validateUpdate } from './fake-scheduler-rules.ts';

export interface FakeSchedulerApiOptions {
  schedules: ScheduleDocument[];
  now: () => Date;
  /** Schedule groups with no schedules in them. */
  emptyGroups?: string[];
  /** Entries per page, below AWS's so tests see NextToken. */
  pageSize?: number;
}

export type FakeErrorName = 'ConflictException' | 'ThrottlingException';
type Operation = 'GetSchedule' | 'UpdateSchedule' | 'ListSchedules' | 'ListScheduleGroups';

export interface FakeSchedulerApi {
  client: SchedulerClient;
  mock: AwsClientStub<SchedulerClient>;
  /** The next `count` calls of `operation` fail with `error` before doing anything. */
  failNext(operation: Operation, error: FakeErrorName, count?: number): void;
  /**
   * Another writer sets `fields` of that schedule just as each of its next `count`
   * UpdateSchedule calls arrives, and Scheduler refuses those with ConflictException.
   */
  writeMeanwhile(
    group: string, name: string, fields: Partial<ScheduleDocument>, count?: number,
  ): void;
}

const metadata = (httpStatusCode: number) => ({ $metadata: { httpStatusCode } });
const fault = (message: string, httpStatusCode: number) =>
  ({ message, Message: message, ...metadata(httpStatusCode) });
const failures = {
  ConflictException: () => new ConflictException(fault('Conflict executing request.', 409)),
  ThrottlingException: () => new ThrottlingException(fault('Rate exceeded', 429)),
};

/**
 * A SchedulerClient answering like EventBridge Scheduler from memory, in the documented shapes:
 * pages with NextToken, GetSchedule's full document, UpdateSchedule replacing the schedule.
 * https://docs.aws.amazon.com/scheduler/latest/APIReference/API_Operations.html
 */
export function createFakeSchedulerApi(options: FakeSchedulerApiOptions): FakeSchedulerApi {
  const { now } = options;
  const pageSize = options.pageSize ?? 2;
  const store = new Map<string, ScheduleDocument>();
  for (const schedule of options.schedules) store.set(key(schedule), structuredClone(schedule));
  const tokens = new Set<string>();
  const pending = new Map<Operation, FakeErrorName[]>();
  const meddling = new Map<string, Partial<ScheduleDocument>[]>();
  const client = new SchedulerClient({ region: 'us-east-1' });
  const mock = mockClient(client);

  function failIfAsked(operation: Operation): void {
    const next = pending.get(operation)?.shift();
    if (next) throw failures[next]();
  }

  function page<T>(items: T[], token: string | undefined, max: number | undefined) {
    const start = token ? Number(Buffer.from(token, 'base64url').toString()) : 0;
    const end = start + Math.min(max ?? 100, pageSize);
    const next = end < items.length ? Buffer.from(String(end)).toString('base64url') : undefined;
    return { items: items.slice(start, end), ...(next ? { NextToken: next } : {}) };
  }

  function find(group: string | undefined, name: string | undefined): ScheduleDocument {
    const found = store.get(`${group ?? 'default'}/${name}`);
    if (found) return found;
    throw new ResourceNotFoundException(fault(`Schedule ${name} does not exist.`, 404));
  }

  mock.on(ListScheduleGroupsCommand).callsFake(async (input: ListScheduleGroupsCommandInput) => {
    failIfAsked('ListScheduleGroups');
    const names = new Set(['default', ...(options.emptyGroups ?? [])]);
    for (const schedule of store.values()) names.add(schedule.GroupName);
    const groups = [...names].sort().map((name) => ({
      Arn: `arn:aws:scheduler:us-east-1:111122223333:schedule-group/${name}`,
      Name: name, State: 'ACTIVE' as const,
    }));
    const { items, ...rest } = page(groups, input.NextToken, input.MaxResults);
    return { ...metadata(200), ScheduleGroups: items, ...rest };
  });

  mock.on(ListSchedulesCommand).callsFake(async (input: ListSchedulesCommandInput) => {
    failIfAsked('ListSchedules');
    const listed = [...store.values()]
      .filter((s) => input.GroupName === undefined || s.GroupName === input.GroupName)
      .sort((a, b) => key(a).localeCompare(key(b)))
      .map((s) => ({
        Arn: s.Arn, GroupName: s.GroupName, Name: s.Name, State: s.State,
        CreationDate: s.CreationDate, LastModificationDate: s.LastModificationDate,
        Target: { Arn: s.Target.Arn },
      }));
    const { items, ...rest } = page(listed, input.NextToken, input.MaxResults);
    return { ...metadata(200), Schedules: structuredClone(items), ...rest };
  });

  mock.on(GetScheduleCommand).callsFake(async (input: GetScheduleCommandInput) => {
    failIfAsked('GetSchedule');
    return { ...metadata(200), ...structuredClone(find(input.GroupName, input.Name)) };
  });

  mock.on(UpdateScheduleCommand).callsFake(async (input: UpdateScheduleCommandInput) => {
    failIfAsked('UpdateSchedule');
    const current = find(input.GroupName, input.Name);
    const other = meddling.get(key(current))?.shift();
    if (other) {
      const changed = { ...current, ...structuredClone(other), LastModificationDate: now() };
      store.set(key(current), changed);
      throw failures.ConflictException();
    }
    if (input.ClientToken && tokens.has(input.ClientToken)) {
      return { ...metadata(200), ScheduleArn: current.Arn };
    }
    const problem = validateUpdate(input, now());
    if (problem) throw new ValidationException(fault(problem, 400));
    const { ClientToken, ...fields } = structuredClone(input);
    const replaced = {
      ...fields,
      GroupName: current.GroupName,
      State: fields.State ?? 'ENABLED',
      Target: {
        ...fields.Target,
        // Scheduler's documented defaults when the write leaves the retry policy out.
        RetryPolicy: fields.Target?.RetryPolicy
          ?? { MaximumEventAgeInSeconds: 86_400, MaximumRetryAttempts: 185 },
      },
      Arn: current.Arn,
      CreationDate: current.CreationDate,
      LastModificationDate: now(),
    } as ScheduleDocument;
    store.set(key(replaced), replaced);
    if (ClientToken) tokens.add(ClientToken);
    return { ...metadata(200), ScheduleArn: current.Arn };
  });

  return {
    client,
    mock,
    failNext(operation, error, count = 1) {
      pending.set(operation, [...(pending.get(operation) ?? []), ...Array(count).fill(error)]);
    },
    writeMeanwhile(group, name, fields, count = 1) {
      const id = `${group}/${name}`;
      meddling.set(id, [...(meddling.get(id) ?? []), ...Array(count).fill(fields)]);
    },
  };
}

function key(schedule: { GroupName: string; Name: string }): string {
  return `${schedule.GroupName}/${schedule.Name}`;
}
