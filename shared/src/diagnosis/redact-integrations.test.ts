import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose.ts';
import { redactValue } from './redact-value.ts';
import { redact } from './redact.ts';
import type { CategoryId } from './types.ts';

// The failure shapes of docs/integrations.md, each carrying the credentials its client sends.
const ultraToken = 'u1tr4T0k3nX9';
const clientSecret = 'GOCSPX-Zq8RkW2mN4pL6tV0xY3bC5dF';
const refreshToken = '1//0gK7pQ2rS4tU6vW8xY0zA-BcDeFgHiJkLmNoPq';
const accessToken = 'ya29.a0AfB_byC1d2E3f4G5h6I7j8K9l0M';
const apiKey = 'AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUvW';
const mixPassword = 'L1nd3-Fl0tas!';
const mixClientSecret = 'm1xCl13ntS3cr3t';
const mixAccess = 'eyJhbGciOiJSUzI1NiIsImtpZCI6Im1peCJ9.eyJzdWIiOiJsaW5kZSJ9.c2lnbmF0dXJlMQ';
const dbPassword = 'hunt3r2-RDS';
const awsSecret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

const axiosDump = (status: number, config: Record<string, unknown>, data: unknown) => ({
  message: `Request failed with status code ${status}`,
  name: 'AxiosError',
  code: status >= 500 ? 'ERR_BAD_RESPONSE' : 'ERR_BAD_REQUEST',
  status,
  config: { method: 'post', timeout: 3000, ...config },
  response: { status, data },
});

const mixBasic = btoa(`mix.integrate:${mixClientSecret}`);

type Shape = [name: string, dump: unknown, category: CategoryId, secrets: string[]];

const shapes: Shape[] = [
  ['UltraMsg: a wrong token in the URL and form body (A.1, A.3)', axiosDump(200, {
    url: `https://api.ultramsg.com/instance12345/messages/chat?token=${ultraToken}`,
    params: { token: ultraToken },
    data: `token=${ultraToken}&to=%2B5215512345678&body=Hola`,
  }, { error: 'Wrong token. Please provide token as a GET parameter.' }),
  'whatsapp-config', [ultraToken]],
  ['UltraMsg: a send that failed while the token is echoed back', axiosDump(200, {
    url: 'https://api.ultramsg.com/instance12345/messages/chat',
    data: JSON.stringify({ token: ultraToken, to: '+5215512345678', body: 'Hola' }),
  }, { sent: 'false', message: `WhatsApp not connected (token ${ultraToken})` }),
  'whatsapp-logged-out', [ultraToken]],
  ['UltraMsg: an AxiosError printed by console.error',
    'AxiosError: Request failed with status code 401\n    at settle (axios.js:1)\n' +
    `  config: { url: 'https://api.ultramsg.com/instance1/instance/status?token=${ultraToken}',\n` +
    `    headers: Object [AxiosHeaders] { 'x-api-key': '${ultraToken}' } },\n` +
    `  request: { _header: 'GET /instance1/instance/status?token=${ultraToken} HTTP/1.1\\r\\n' }`,
    'whatsapp-config', [ultraToken]],
  ['Google: a dead refresh token at the token endpoint (B.1)', {
    message: 'invalid_grant',
    name: 'GaxiosError',
    config: {
      url: 'https://oauth2.googleapis.com/token',
      method: 'POST',
      data: `refresh_token=${encodeURIComponent(refreshToken)}&client_id=1234-abc.apps.` +
        `googleusercontent.com&client_secret=${clientSecret}&grant_type=refresh_token`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    },
    response: {
      status: 400,
      data: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' },
    },
  }, 'gmail-token', [refreshToken, encodeURIComponent(refreshToken), clientSecret]],
  ['Google: Gmail refuses the access token (B.2)', axiosDump(401, {
    url: `https://gmail.googleapis.com/gmail/v1/users/me/messages/send?key=${apiKey}`,
    headers: { Authorization: `Bearer ${accessToken}` },
  }, { error: { code: 401, message: 'Invalid Credentials', errors: [{
    domain: 'global', reason: 'authError', message: 'Invalid Credentials',
    locationType: 'header', location: 'Authorization' }] } }),
  'gmail-token', [accessToken, apiKey]],
  ['Google: credentials in the text of a log line',
    `gmail send failed for ${accessToken} using client ${clientSecret} and ${refreshToken}: ` +
    'invalid_grant', 'gmail-token', [accessToken, clientSecret, refreshToken]],
  ['axios: a 429 whose request carried Basic auth and a cookie (C)', axiosDump(429, {
    url: 'https://integrate.uat.mixtelematics.com/api/positions',
    auth: { username: 'linde', password: mixPassword },
    headers: { Cookie: `session=${mixAccess}`, Accept: 'application/json' },
  }, 'Too Many Requests'), 'provider-rate-limited', [mixPassword, mixAccess]],
  ['PostgreSQL: a refused password, with the connection it used (D.1)', {
    name: 'error', message: 'password authentication failed for user "up"', code: '28P01',
    severity: 'FATAL',
    connection: `postgres://up:${dbPassword}@flotas-develop.abc.us-east-1.rds.amazonaws.com/up`,
    params: `host=flotas-develop user=up password=${dbPassword} port=5432`,
  }, 'database-auth-failed', [dbPassword]],
  ['PostgreSQL: the cron\'s message with its connection string (D.2)',
    `Error al conectar a la base de datos postgres://up:${dbPassword}@10.0.3.7:5432/up ` +
    'connect ECONNREFUSED 10.0.3.7:5432', 'database-unreachable', [dbPassword]],
  ['MiX: the token endpoint refuses the password grant (E.1)', {
    message: 'Authorisation error: HttpStatusCode: BadRequest, Error: invalid_grant',
    config: {
      url: 'https://identity.uat.mixtelematics.com/core/connect/token',
      data: `grant_type=password&username=linde&password=${encodeURIComponent(mixPassword)}` +
        `&scope=offline_access%20MiX.Integrate&client_id=mix.integrate` +
        `&client_secret=${mixClientSecret}`,
      headers: { Authorization: `Basic ${mixBasic}` },
    },
    response: { status: 400, data: { error: 'invalid_grant' } },
  }, 'provider-unauthorized', [mixPassword, encodeURIComponent(mixPassword), mixClientSecret,
    mixBasic]],
  ['MiX: an API 401 for a bearer access token', axiosDump(401, {
    url: 'https://integrate.uat.mixtelematics.com/api/assets/group/1',
    headers: { Authorization: `Bearer ${mixAccess}` },
  }, `{"Message":"Authorization has been denied for this request. ${mixAccess}"}`),
  'provider-unauthorized', [mixAccess]],
  ['MiX: the older API\'s X-auth header and auth query token (E.2)', axiosDump(401, {
    url: `https://dsiapi.omn.mixtelematics.com/api/v1/units?auth=${ultraToken}`,
    headers: { 'X-auth': ultraToken },
  }, 'Unauthorized'), 'provider-unauthorized', [ultraToken]],
  ['AWS: a Lambda environment dumped with an error', {
    message: 'Request failed with status code 500',
    env: { AWS_ACCESS_KEY_ID: 'ASIAY34FZKBOKMUTVV7A', AWS_SECRET_ACCESS_KEY: awsSecret,
      AWS_SESSION_TOKEN: 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJH' },
    line: `ASIAY34FZKBOKMUTVV7A:${awsSecret}`,
  }, 'provider-server-error', ['ASIAY34FZKBOKMUTVV7A', awsSecret, 'IQoJb3JpZ2luX2VjEJr']],
];

describe('redaction of the integrations\' real failure shapes', () => {
  it.each(shapes)('%s: classified, with no secret anywhere', (_name, dump, category, secrets) => {
    const stored = typeof dump === 'string' ? dump : JSON.stringify(dump);
    const diagnosis = diagnose(dump);
    const outputs = [
      diagnosis.text,
      diagnose(stored).text,
      redact(stored),
      JSON.stringify(redactValue(dump)),
    ];

    expect(diagnosis.category).toBe(category);
    for (const output of outputs) {
      for (const secret of secrets) expect(output).not.toContain(secret);
    }
  });
});
