import { TurnoError } from '../errors/catalog.ts';

/** Longest Idempotency-Key accepted: a UUID, a ULID or a base64 digest all fit. */
export const IDEMPOTENCY_KEY_MAX = 128;

// Visible ASCII: whatever a client generates (UUID, base64 with / + =) and a header can carry.
const KEY = new RegExp(`^[\\x21-\\x7e]{1,${IDEMPOTENCY_KEY_MAX}}$`);

/**
 * The one check of an `Idempotency-Key` header for every action route: absent is fine (the
 * action simply runs), anything else must be 1–128 visible ASCII characters.
 * @example parseIdempotencyKey('abc/def+==') // 'abc/def+=='
 */
export function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!KEY.test(header)) throw new TurnoError('idempotency_key_invalid');
  return header;
}
