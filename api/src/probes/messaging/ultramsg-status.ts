import type { HttpAnswer } from './http.ts';

/** What UltraMsg's instance status says, as the runbook's cards see it. */
export type UltraMsgState =
  | { kind: 'healthy'; status: string; substatus: string | null }
  /** "qr": WhatsApp unlinked the instance (phone unused 14 days): card 1.1. */
  | { kind: 'logged-out'; status: string; substatus: string | null }
  /** "Stopped due to non-payment": a billing state, card 1.2. */
  | { kind: 'unpaid'; error: string }
  /** Wrong token or unknown instance: Turno's or UP's configuration, card T.6. */
  | { kind: 'config'; reason: 'wrong-token' | 'instance-not-found'; error: string }
  /** Any other status or error: shown raw, never mapped to a guess. */
  | { kind: 'unhealthy'; status: string | null; substatus: string | null; error: string | null };

/** UltraMsg's `error` is a string, or an array of {field: message} for validation. */
export function ultraMsgError(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const { error } = body as { error: unknown };
  if (typeof error === 'string') return error;
  return JSON.stringify(error);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The status pair from the nested shape, or the flat `{"status":"qr"}` some clients handle. */
function statusPair(body: unknown): { status: string; substatus: string | null } | null {
  if (typeof body !== 'object' || body === null) return null;
  const outer = (body as { status?: unknown }).status;
  if (typeof outer === 'string') return { status: outer, substatus: null };
  const account = (outer as { accountStatus?: unknown } | undefined)?.accountStatus;
  if (typeof account !== 'object' || account === null) return null;
  const { status, substatus } = account as { status?: unknown; substatus?: unknown };
  const name = text(status);
  return name ? { status: name, substatus: text(substatus) } : null;
}

/** Errors UltraMsg answers for the instance itself, whatever the endpoint. */
export function instanceError(answer: HttpAnswer): UltraMsgState | null {
  const error = ultraMsgError(answer.body);
  if (error && /stopped due to non-payment/i.test(error)) return { kind: 'unpaid', error };
  if (error && /wrong token/i.test(error)) return { kind: 'config', reason: 'wrong-token', error };
  // The official SDK reads any 404 as "instance not found or pending".
  if ((error && /instance not found/i.test(error)) || answer.status === 404) {
    return { kind: 'config', reason: 'instance-not-found', error: error ?? 'HTTP 404' };
  }
  return null;
}

/**
 * Reads GET instance/status. A server error or a body in no known shape throws: that is the
 * probe failing to look, not the instance being unhealthy.
 */
export function readUltraMsgStatus(answer: HttpAnswer): UltraMsgState {
  const known = instanceError(answer);
  if (known) return known;
  if (answer.status >= 500) throw new Error(`UltraMsg instance/status answered ${answer.status}`);
  const error = ultraMsgError(answer.body);
  const pair = statusPair(answer.body);
  if (error !== null) {
    return { kind: 'unhealthy', status: pair?.status ?? null, substatus: pair?.substatus ?? null,
      error };
  }
  if (!pair) {
    throw new Error(`UltraMsg instance/status answered ${answer.status} in an unknown shape`);
  }
  if (pair.status === 'authenticated' && pair.substatus === 'connected') {
    return { kind: 'healthy', ...pair };
  }
  if (pair.status === 'qr') return { kind: 'logged-out', ...pair };
  return { kind: 'unhealthy', ...pair, error: null };
}

/**
 * The `queue` counter of messages/statistics, top level or one object down (the exact
 * envelope is not documented); null when it is not there.
 */
export function queueCount(body: unknown): number | null {
  if (typeof body !== 'object' || body === null) return null;
  const direct = asCount((body as Record<string, unknown>).queue);
  if (direct !== null) return direct;
  for (const value of Object.values(body)) {
    if (typeof value !== 'object' || value === null) continue;
    const nested = asCount((value as Record<string, unknown>).queue);
    if (nested !== null) return nested;
  }
  return null;
}

function asCount(value: unknown): number | null {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= 0 ? number : null;
}

/**
 * A queue above the threshold that grew since the last look warns early; once warning, it
 * keeps warning until the queue shrinks or drops to the threshold. The first look sets no trend.
 */
export function queueGrowing(
  queue: number, previous: { queue: number | null; warning: boolean } | null, threshold: number,
): boolean {
  if (queue <= threshold || previous === null || previous.queue === null) return false;
  return queue > previous.queue || (previous.warning && queue >= previous.queue);
}
