import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose.ts';
import type { CardId, CategoryId, DiagnosisContext } from './types.ts';

type Form = [name: string, jsonData: unknown, category: CategoryId, card: CardId | null];

const axios = (message: string, code: string, status?: number) =>
  ({ message, name: 'AxiosError', code, ...(status ? { status } : {}) });
const pg = (message: string, code: string, severity = 'ERROR') =>
  ({ name: 'error', message, code, severity });
const google = (code: number, message: string, reason: string) =>
  ({ error: { code, message, errors: [{ domain: 'usageLimits', reason }] } });

const providerForms: Form[] = [
  ['an axios timeout', '"timeout of 3000ms exceeded"', 'provider-timeout', '5.1'],
  ['an axios timeout dump', axios('timeout of 4000ms exceeded', 'ECONNABORTED'),
    'provider-timeout', '5.1'],
  ['an empty message with ETIMEDOUT', { message: '', code: 'ETIMEDOUT' },
    'provider-timeout', '5.1'],
  ['a 429', '"Request failed with status code 429"', 'provider-rate-limited', '5.1'],
  ['a 429 dump', axios('Request failed with status code 429', 'ERR_BAD_REQUEST', 429),
    'provider-rate-limited', '5.1'],
  ['a 500', 'Request failed with status code 500', 'provider-server-error', '5.1'],
  ['a 503 dump', axios('Request failed with status code 503', 'ERR_BAD_RESPONSE', 503),
    'provider-server-error', '5.1'],
  ['a 401', 'Request failed with status code 401', 'provider-unauthorized', '5.2'],
  ['a 403', 'Request failed with status code 403', 'provider-forbidden', '2.1'],
  ['a refused connection', 'connect ECONNREFUSED 127.0.0.1:443', 'provider-unreachable', '5.1'],
  ['an empty message with ECONNREFUSED', { message: '', code: 'ECONNREFUSED' },
    'provider-unreachable', '5.1'],
  ['a DNS failure', 'getaddrinfo ENOTFOUND no-such-host.invalid', 'provider-unreachable', '5.1'],
  ['a temporary DNS failure', 'getaddrinfo EAI_AGAIN integrate.mixtelematics.com',
    'provider-unreachable', '5.1'],
  ['a reset', 'read ECONNRESET', 'provider-unreachable', '5.1'],
  ['a socket hang up', { message: 'socket hang up', name: 'Error', code: 'ECONNRESET' },
    'provider-unreachable', '5.1'],
  ['a MiX authorisation error',
    'Authorisation error: HttpStatusCode: BadRequest, Error: invalid_username_or_password',
    'provider-unauthorized', '2.2'],
  ['a MiX authorisation error that carries the OAuth word',
    'Authorisation error: HttpStatusCode: BadRequest, Error: invalid_grant',
    'provider-unauthorized', '2.2'],
  ['a MiX authorisation error as a dump',
    { message: 'Authorization error: invalid_grant', name: 'Error' },
    'provider-unauthorized', '2.2'],
];

const databaseForms: Form[] = [
  ['a full disk', '"could not extend file \\"base/16398/1160232.23\\": No space left on device"',
    'database-disk-full', '4.1'],
  ['a full disk cut at "No sp"', 'could not extend file "base/16398/1160232.23": No sp',
    'database-disk-full', '4.1'],
  ['a full disk as a pg error', pg('could not extend file "x": No space left on device', '53100'),
    'database-disk-full', '4.1'],
  ['a deadlock', 'deadlock detected', 'database-deadlock', 'T.2'],
  ['a deadlock as a pg error', pg('deadlock detected', '40P01'), 'database-deadlock', 'T.2'],
  ['no free connections', 'sorry, too many clients already',
    'database-too-many-connections', 'T.3'],
  ['only reserved slots left',
    'remaining connection slots are reserved for non-replication superuser connections',
    'database-too-many-connections', 'T.3'],
  ['only reserved slots left (PostgreSQL 16)',
    pg('remaining connection slots are reserved for roles with the SUPERUSER attribute', '53300',
      'FATAL'),
    'database-too-many-connections', 'T.3'],
  ['a statement timeout', 'canceling statement due to statement timeout',
    'database-statement-timeout', 'T.5'],
  ['a wrong database password', pg('password authentication failed for user "up"', '28P01',
    'FATAL'), 'database-auth-failed', '5.2'],
  ['a dropped connection', 'Connection terminated unexpectedly', 'database-unreachable', 'T.1'],
  ['the cron\'s dropped connection',
    'getOccurrencesRules Error: Connection terminated unexpectedly',
    'database-unreachable', 'T.1'],
  ['a refused database port',
    'Error al conectar a la base de datos connect ECONNREFUSED 10.0.3.7:5432',
    'database-unreachable', 'T.1'],
  ['a database reboot', pg('terminating connection due to administrator command', '57P01',
    'FATAL'), 'database-unreachable', 'T.1'],
  ['an exhausted pool', 'timeout exceeded when trying to connect',
    'database-pool-exhausted', 'T.4'],
];

const messagingForms: Form[] = [
  ['an unpaid UltraMsg instance', { error: 'Your instance has been Stopped due to non-payment. '
    + 'you can activate this instance by extending your subscription.' },
  'whatsapp-unpaid', '1.2'],
  ['an UltraMsg instance waiting for a QR scan',
    '{"status":{"accountStatus":{"status":"qr","substatus":"normal"}}}',
    'whatsapp-logged-out', '1.1'],
  ['an UltraMsg status cut short while waiting for a QR scan',
    '{"status":{"accountStatus":{"status":"qr"', 'whatsapp-logged-out', '1.1'],
  ['an UltraMsg status cut short on standby',
    '{"status":{"accountStatus":{"status":"standby","substatus":"nor',
    'whatsapp-logged-out', '1.1'],
  ['an UltraMsg status quoted inside another message',
    'Status check failed: {"status":{"accountStatus":{"status":"qr","sub',
    'whatsapp-logged-out', '1.1'],
  ['an UltraMsg instance on standby',
    { status: { accountStatus: { status: 'standby', substatus: 'normal' } } },
    'whatsapp-logged-out', '1.1'],
  ['a failed send while WhatsApp is down', { sent: 'false', message: 'WhatsApp not connected' },
    'whatsapp-logged-out', '1.1'],
  ['a wrong UltraMsg token',
    '{"error":"Wrong token. Please provide token as a GET parameter."}', 'whatsapp-config', 'T.6'],
  ['an unknown UltraMsg instance', { error: 'Instance not found' }, 'whatsapp-config', 'T.6'],
  ['an UltraMsg 404', { ...axios('Request failed with status code 404', 'ERR_BAD_REQUEST', 404),
    config: { url: 'https://api.ultramsg.com/instance1/messages/chat' } },
  'whatsapp-config', 'T.6'],
  ['a revoked Google token',
    '{"error":"invalid_grant","error_description":"Token has been expired or revoked."}',
    'gmail-token', '3.2'],
  ['a GaxiosError message', 'invalid_grant', 'gmail-token', '3.2'],
  ['a Gmail 401',
    { error: { code: 401, message: 'Invalid Credentials', status: 'UNAUTHENTICATED' } },
    'gmail-token', '3.2'],
  ['a Gmail user-rate limit',
    '{"error":{"code":429,"message":"User-rate limit exceeded.  Retry after '
      + '2024-03-07T18:03:15.961Z"}}',
    'gmail-saturated', '3.1'],
  ['a Gmail user-rate limit as a 403', google(403,
    'User-rate limit exceeded.  Retry after 2024-03-07T18:03:15.961Z', 'rateLimitExceeded'),
  'gmail-saturated', '3.1'],
  ['the Gmail daily cap', google(429, 'Daily user sending limit exceeded.', 'rateLimitExceeded'),
    'gmail-saturated', '3.1'],
  ['the Gmail daily quota', 'Daily user sending quota exceeded', 'gmail-saturated', '3.1'],
  ['the SMTP daily lockout', '550 5.4.5 Daily user sending quota exceeded.',
    'gmail-saturated', '3.1'],
];

describe('diagnose', () => {
  it.each([...providerForms, ...databaseForms, ...messagingForms])(
    'classifies %s',
    (_name, jsonData, category, card) => {
      expect(diagnose(jsonData)).toMatchObject({ category, card });
    },
  );

  it.each<[string, DiagnosisContext]>([
    ['MiX data source', { dataSourceId: 1 }],
    ['Guardian data source', { dataSourceId: 2 }],
    ['MiX function', { functionName: 'linde-mix-get-positions' }],
    ['Guardian function', { functionName: 'linde-guardian-positions' }],
  ])('reads invalid_grant from a %s as a changed password (2.2)', (_name, context) => {
    const body = {
      error: 'invalid_grant',
      error_description: 'Token has been expired or revoked.',
    };
    expect(diagnose(body, context)).toMatchObject({
      category: 'provider-unauthorized',
      card: '2.2',
    });
  });

  it('reads invalid_grant outside a telematics function as the Gmail token (3.2)', () => {
    const context = { functionName: 'up-send-email-report', dataSourceId: null };
    expect(diagnose('invalid_grant', context)).toMatchObject({ category: 'gmail-token' });
  });

  it('reads a status cut short as UltraMsg with the state it could read', () => {
    expect(diagnose('{"status":{"accountStatus":{"status":"standby","substatus":"normal"'))
      .toMatchObject({
        text: 'status: standby, substatus: normal',
        facts: { provider: 'ultramsg', accountStatus: 'standby', accountSubstatus: 'normal' },
      });
  });

  it('keeps an Authorisation error from Google with the Gmail token (3.2)', () => {
    const dump = {
      message: 'Authorization error: invalid_grant',
      config: { url: 'https://oauth2.googleapis.com/token' },
    };
    expect(diagnose(dump)).toMatchObject({ category: 'gmail-token', card: '3.2' });
  });

  it('answers unknown text as unclassified, with no card and the text shown', () => {
    expect(diagnose('"Something odd happened in the flux capacitor"')).toEqual({
      category: 'unclassified',
      card: null,
      severity: 'warning',
      text: 'Something odd happened in the flux capacitor',
      facts: {},
    });
  });
});
