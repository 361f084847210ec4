import { DescribeEventsCommand, type Event, type RDSClient } from '@aws-sdk/client-rds';
import { withRetry, type RetryOptions } from './retry.ts';

/**
 * The DB instance events of a storage change, by their messages (DescribeEvents has no event
 * id): RDS-EVENT-0018/0017 for a change made by hand or by Turno, RDS-EVENT-0217/0218 for one
 * made by storage autoscaling, all in the "configuration change" category.
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Events.Messages.html
 */
export const storageChangeMessages: readonly string[] = [
  'Applying modification to allocated storage.',
  'Finished applying modification to allocated storage.',
  'Applying autoscaling-initiated modification to allocated storage.',
  'Finished applying autoscaling-initiated modification to allocated storage.',
];

const maxPages = 5;

/** One DescribeEvents per instance: SourceIdentifier names a single source. */
export async function readStorageChanges(
  rds: RDSClient, ids: readonly string[], since: Date, end: Date, retry: RetryOptions,
): Promise<Map<string, Date>> {
  const latest = new Map<string, Date>();
  await Promise.all(ids.map(async (id) => {
    let marker: string | undefined;
    let pages = 0;
    do {
      const input = {
        SourceType: 'db-instance' as const,
        SourceIdentifier: id,
        StartTime: since,
        EndTime: end,
        EventCategories: ['configuration change'],
        ...(marker ? { Marker: marker } : {}),
      };
      const page = await withRetry(`DescribeEvents ${id}`,
        () => rds.send(new DescribeEventsCommand(input)), retry);
      for (const event of page.Events ?? []) {
        const at = storageChangeAt(event);
        if (at && at >= since && (latest.get(id)?.getTime() ?? -1) < at.getTime()) {
          latest.set(id, at);
        }
      }
      marker = page.Marker;
      pages += 1;
    } while (marker && pages < maxPages);
  }));
  return latest;
}

function storageChangeAt(event: Event): Date | null {
  const message = event.Message?.trim() ?? '';
  return storageChangeMessages.includes(message) && event.Date ? new Date(event.Date) : null;
}
