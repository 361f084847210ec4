import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose.ts';
import type { CardId, CategoryId } from './types.ts';

type Outcome = 401 | 403 | 429 | 500 | 503 | 'timeout';
type Expected = [category: CategoryId, card: CardId | null];

/** Each integration by the hosts the platform calls (docs/integrations.md). */
const integrations: Array<{ name: string; urls: string[]; expect: Record<Outcome, Expected> }> = [
  {
    name: 'UltraMsg',
    urls: ['https://api.ultramsg.com/instance12345/messages/chat?token=abc123def456'],
    expect: {
      401: ['whatsapp-config', 'T.6'],
      403: ['whatsapp-config', 'T.6'],
      429: ['provider-rate-limited', null],
      500: ['provider-server-error', null],
      503: ['provider-server-error', null],
      timeout: ['provider-timeout', null],
    },
  },
  {
    name: 'Google',
    urls: [
      'https://oauth2.googleapis.com/token',
      'https://gmail.googleapis.com/gmail/v1/users/me/messages/send',
    ],
    expect: {
      401: ['gmail-token', '3.2'],
      403: ['gmail-token', '3.2'],
      429: ['gmail-saturated', '3.1'],
      500: ['provider-server-error', null],
      503: ['provider-server-error', null],
      timeout: ['provider-timeout', null],
    },
  },
  {
    name: 'MiX',
    urls: [
      'https://integrate.uat.mixtelematics.com/api/positions',
      'https://identity.uat.mixtelematics.com/core/connect/token',
    ],
    expect: {
      401: ['provider-unauthorized', '5.2'],
      403: ['provider-forbidden', '2.1'],
      429: ['provider-rate-limited', '5.1'],
      500: ['provider-server-error', '5.1'],
      503: ['provider-server-error', '5.1'],
      timeout: ['provider-timeout', '5.1'],
    },
  },
];

const message = (outcome: Outcome) => (outcome === 'timeout'
  ? 'timeout of 3000ms exceeded' : `Request failed with status code ${outcome}`);

/** The ways a failed request reaches Sync_error: axios's dump, or its words with the URL. */
function forms(url: string, outcome: Outcome): Array<[string, unknown]> {
  const { origin, pathname, search } = new URL(url);
  const dump = (config: Record<string, unknown>) => ({
    message: message(outcome),
    name: 'AxiosError',
    code: outcome === 'timeout' ? 'ECONNABORTED' : 'ERR_BAD_REQUEST',
    ...(outcome === 'timeout' ? {} : { status: outcome }),
    config: { method: 'post', timeout: 3000, ...config },
  });
  return [
    ['its URL in the message', `${url} ${message(outcome)}`],
    ['its message, then the URL', `Error: ${message(outcome)} POST ${url}`],
    ['config.url', dump({ url })],
    ['config.baseURL', dump({ baseURL: origin, url: `${pathname}${search}` })],
  ];
}

const cases = integrations.flatMap((integration) =>
  integration.urls.flatMap((url) => (Object.keys(integration.expect) as Array<`${Outcome}`>)
    .flatMap((key) => {
      const outcome = (key === 'timeout' ? key : Number(key)) as Outcome;
      const [category, card] = integration.expect[outcome];
      return forms(url, outcome).map(([form, value]) => ({
        title: `${integration.name} ${new URL(url).hostname} ${key} in ${form}`,
        value, category, card,
      }));
    })));

describe('diagnose by the host that answered', () => {
  it.each(cases)('$title goes to $category, card $card', ({ value, category, card }) => {
    const result = diagnose(value);

    expect({ category: result.category, card: result.card }).toEqual({ category, card });
  });

  it('sends a pasted UltraMsg 401 to T.6, not to the passwords card, and hides its token', () => {
    const pasted = 'https://api.ultramsg.com/instance12345/messages/chat?token=abc123def456 '
      + 'Request failed with status code 401';

    const result = diagnose(pasted);

    expect(result).toMatchObject({ category: 'whatsapp-config', card: 'T.6' });
    expect(result.facts).toMatchObject({ provider: 'ultramsg', host: 'api.ultramsg.com' });
    expect(result.text).not.toContain('abc123def456');
  });

  it('lets the host decide over the function the row came from', () => {
    const text = 'Request failed with status code 401 POST '
      + 'https://api.ultramsg.com/instance1/messages/chat';

    const result = diagnose(text, { functionName: 'linde-mix-get-events', dataSourceId: 1 });

    expect(result).toMatchObject({ card: 'T.6', facts: { provider: 'ultramsg' } });
  });

  it('reads invalid_grant from a MiX identity host as the MiX password (2.2)', () => {
    const result = diagnose({
      message: 'Request failed with status code 400', status: 400, name: 'AxiosError',
      config: { url: 'https://identity.uat.mixtelematics.com/core/connect/token' },
      response: { status: 400, data: { error: 'invalid_grant' } },
    });

    expect(result).toMatchObject({ category: 'provider-unauthorized', card: '2.2' });
  });

  it('keeps an unknown host to the usual cards', () => {
    const result = diagnose('https://api.example.com/v1 Request failed with status code 401');

    expect(result).toMatchObject({ category: 'provider-unauthorized', card: '5.2' });
    expect(result.facts.provider).toBeUndefined();
  });
});
