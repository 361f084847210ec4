import { ApiError } from '../../api/client.ts';

/** Why an alert could not be read: it does not exist, it is refused, or it may come later. */
export type AlertFailure = 'missing' | 'refused' | 'transient';

/** Statuses worth asking again: no network (0), a timeout, a rate limit, any 5xx. */
function transient(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

/** A 404 is an alert that does not exist (`alert_not_found`); asking again will not help. */
export function alertFailure(error: unknown): AlertFailure | null {
  if (error === null || error === undefined) return null;
  if (!(error instanceof ApiError) || transient(error.status)) return 'transient';
  return error.status === 404 ? 'missing' : 'refused';
}
