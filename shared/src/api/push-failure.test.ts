import { describe, expect, it } from 'vitest';
import { pushFailureKind } from './push-failure.ts';

describe('pushFailureKind', () => {
  it.each([
    ['ENOTFOUND', 'unreachable'],
    ['ECONNREFUSED', 'unreachable'],
    ['ETIMEDOUT', 'timeout'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'insecure'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'insecure'],
    ['push service answered 403', 'key-rejected'],
    ['push service answered 410', 'expired'],
    ['push service answered 400', 'refused'],
    ['push service answered 503', 'service-error'],
    ['rate limited until 2026-12-04T08:30:00.000Z', 'rate-limited'],
    ['request failed', 'unknown'],
  ])('reads %s as %s', (reason, kind) => {
    expect(pushFailureKind(reason)).toBe(kind);
  });
});
