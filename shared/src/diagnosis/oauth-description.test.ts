import { describe, expect, it } from 'vitest';
import { oauthDescription } from './oauth-description.ts';

describe('oauthDescription', () => {
  it('reads Google\'s words from its JSON answer', () => {
    const text = JSON.stringify({
      error: 'invalid_grant', error_description: 'Token has been expired or revoked.',
    });

    expect(oauthDescription(text)).toBe('Token has been expired or revoked.');
  });

  it('reads them from an error dump that quoted the answer again', () => {
    const text = JSON.stringify({
      message: 'Request failed with status code 400',
      response: {
        data: JSON.stringify({ error: 'invalid_grant', error_description: 'Bad Request' }),
      },
    });

    expect(oauthDescription(text)).toBe('Bad Request');
  });

  it('keeps a slash Google escaped', () => {
    expect(oauthDescription('{"error_description":"see https:\\/\\/support.google.com"}'))
      .toBe('see https://support.google.com');
  });

  it.each([
    ['no description', '{"error":"invalid_grant"}'],
    ['an empty one', '{"error":"invalid_grant","error_description":""}'],
    ['another error\'s words', 'invalid_client: The OAuth client was not found.'],
  ])('finds nothing in %s', (_what, text) => {
    expect(oauthDescription(text)).toBeNull();
  });

  it('reads them from what extractError made of the answer', () => {
    expect(oauthDescription('invalid_grant: Token has been expired or revoked.'))
      .toBe('Token has been expired or revoked.');
  });

  it('cuts a very long description', () => {
    const text = `{"error_description":"${'x'.repeat(1000)}"}`;

    expect(oauthDescription(text)).toHaveLength(300);
  });
});
