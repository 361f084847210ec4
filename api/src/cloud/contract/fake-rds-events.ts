import type {
  DBInstance, DescribeEventsCommandInput, DescribeEventsCommandOutput, Event,
} from '@aws-sdk/client-rds';
import type { SandboxDatabaseSeed } from '../sandbox-rds-inventory.ts';

const minuteMs = 60_000;
/** Below AWS's 100 (MaxRecords' floor is 20), so tests see Marker. */
const pageSize = 2;

function event(id: string, at: Date, category: string, message: string): Event {
  return {
    SourceIdentifier: id, SourceType: 'db-instance', Message: message,
    EventCategories: [category], Date: at,
    SourceArn: `arn:aws:rds:us-east-1:111122223333:db:${id}`,
  };
}

/**
 * What each instance's event log holds at the start: a backup and a parameter-group change (so
 * the storage messages must be told apart), and the seed's last storage change as storage
 * autoscaling records it (RDS-EVENT-0218), a change Turno did not make.
 */
export function seedEvents(seeds: readonly SandboxDatabaseSeed[], now: Date): Event[] {
  return seeds.flatMap(({ instance: { id }, lastStorageChange }) => [
    event(id, new Date(now.getTime() - 90 * minuteMs), 'backup', 'Finished DB instance backup.'),
    event(id, new Date(now.getTime() - 30 * minuteMs), 'configuration change',
      'Finished updating DB parameter group.'),
    ...(lastStorageChange ? [event(id, lastStorageChange, 'configuration change',
      'Finished applying autoscaling-initiated modification to allocated storage.')] : []),
  ]);
}

/** RDS-EVENT-0018, as a ModifyDBInstance of the storage starts it. */
export function storageChangeEvent(db: DBInstance, at: Date): Event {
  return event(db.DBInstanceIdentifier ?? '', at, 'configuration change',
    'Applying modification to allocated storage.');
}

export function isStorageEvent(item: Event): boolean {
  return /modification to allocated storage/.test(item.Message ?? '');
}

/**
 * DescribeEvents as documented: SourceIdentifier needs SourceType, StartTime and EndTime bound
 * the dates (the past hour when neither is given), oldest first, `Marker` for the next page.
 * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DescribeEvents.html
 */
export function answerDescribeEvents(
  events: readonly Event[], input: DescribeEventsCommandInput, now: Date,
): Omit<DescribeEventsCommandOutput, '$metadata'> {
  const end = input.EndTime ?? now;
  const start = input.StartTime ?? new Date(end.getTime() - (input.Duration ?? 60) * minuteMs);
  const categories = input.EventCategories;
  const found = events
    .filter((item) => !input.SourceType || item.SourceType === input.SourceType)
    .filter((item) => !input.SourceIdentifier || item.SourceIdentifier === input.SourceIdentifier)
    .filter((item) => {
      const at = item.Date?.getTime() ?? 0;
      return at >= start.getTime() && at <= end.getTime();
    })
    .filter((item) => !categories?.length
      || (item.EventCategories ?? []).some((category) => categories.includes(category)))
    .sort((a, b) => (a.Date?.getTime() ?? 0) - (b.Date?.getTime() ?? 0));
  const from = Number(input.Marker ?? 0);
  const next = from + pageSize;
  return {
    Events: structuredClone(found.slice(from, next)),
    ...(next < found.length ? { Marker: String(next) } : {}),
  };
}
