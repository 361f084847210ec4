import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { alertFailure } from './alert-failure.ts';

describe('alertFailure', () => {
  it('calls a 404 a missing alert', () => {
    expect(alertFailure(new ApiError('alert_not_found', 404, 'x'))).toBe('missing');
  });

  it.each([
    ['no network', new ApiError('network', 0, 'Failed to fetch')],
    ['a timeout', new ApiError('unexpected', 408, 'HTTP 408')],
    ['a rate limit', new ApiError('unexpected', 429, 'HTTP 429')],
    ['a 5xx', new ApiError('cloud_unavailable', 502, 'x')],
    ['a failure that is not the API\'s', new TypeError('boom')],
  ])('calls %s worth asking again', (_name, error) => {
    expect(alertFailure(error)).toBe('transient');
  });

  it.each([400, 403])('calls any other 4xx (%i) refused', (status) => {
    expect(alertFailure(new ApiError('bad_request', status, 'x'))).toBe('refused');
  });

  it('finds no failure when the read succeeded', () => {
    expect(alertFailure(null)).toBeNull();
  });
});
