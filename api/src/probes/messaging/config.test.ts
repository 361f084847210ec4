import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';
import type { SecretReader } from '../../secrets.ts';
import { gmailConfigured, ultraMsgConfigured } from './config.ts';
import { gmailCredentials, ultraMsgCredentials } from './credentials.ts';

const arn = (name: string) => `arn:aws:secretsmanager:us-east-1:111122223333:secret:${name}`;

describe('messaging configuration', () => {
  it('leaves both probes unconfigured by default, with the documented cadence', () => {
    const { messaging } = loadConfig({}).app;
    expect(ultraMsgConfigured(messaging)).toBe(false);
    expect(gmailConfigured(messaging)).toBe(false);
    expect(messaging.ultramsg).toMatchObject({
      baseUrl: 'https://api.ultramsg.com', intervalSeconds: 300, queueWarning: 20,
    });
    expect(messaging.gmail).toMatchObject({
      tokenUrl: 'https://oauth2.googleapis.com/token', intervalSeconds: 900,
    });
    expect(messaging.reminder).toEqual({
      everyDays: 12, repeatHours: 24, keepers: [], daytime: { startHour: 9, endHour: 20 },
    });
  });

  it('reads the endpoints, credentials, intervals and keepers from the environment', () => {
    const { messaging } = loadConfig({
      ULTRAMSG_BASE_URL: 'http://127.0.0.1:9000/', ULTRAMSG_INSTANCE_ID: 'instance42',
      ULTRAMSG_TOKEN: 'abc', ULTRAMSG_PROBE_INTERVAL_S: '60', WHATSAPP_REMINDER_DAYS: '10',
      WHATSAPP_PHONE_KEEPERS: 'operador, admin', GMAIL_CLIENT_ID: 'id',
      GMAIL_CLIENT_SECRET: 'secret', GMAIL_REFRESH_TOKEN: 'refresh',
      WHATSAPP_REMINDER_FROM_H: '10', WHATSAPP_REMINDER_UNTIL_H: '18',
    }).app;
    expect(messaging.ultramsg).toMatchObject({
      baseUrl: 'http://127.0.0.1:9000', instanceId: 'instance42', intervalSeconds: 60,
    });
    expect(messaging.reminder).toMatchObject({
      everyDays: 10, keepers: ['operador', 'admin'], daytime: { startHour: 10, endHour: 18 },
    });
    expect(ultraMsgConfigured(messaging)).toBe(true);
    expect(gmailConfigured(messaging)).toBe(true);
  });

  it('counts a secret ARN as configured (Lambda reads the values from Secrets Manager)', () => {
    const { messaging } = loadConfig({
      ULTRAMSG_SECRET_ARN: arn('turno/ultramsg-AbC'), GMAIL_SECRET_ARN: arn('turno/gmail-AbC'),
    }).app;
    expect(ultraMsgConfigured(messaging)).toBe(true);
    expect(gmailConfigured(messaging)).toBe(true);
  });

  it.each([
    ['ULTRAMSG_INSTANCE_ID', '12345'],
    ['ULTRAMSG_BASE_URL', 'ftp://ultramsg'],
    ['ULTRAMSG_PROBE_INTERVAL_S', '5'],
    ['WHATSAPP_REMINDER_UNTIL_H', '25'],
  ])('names %s when it is not valid', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});

describe('messaging credentials', () => {
  const secrets: Record<string, Record<string, unknown>> = {
    [arn('turno/ultramsg')]: { instanceId: 'instance7', token: 'from-secret' },
    [arn('turno/gmail')]: {
      clientId: 'cid', clientSecret: 'csecret', refreshToken: 'rtoken', sender: 'up@x.mx',
    },
  };
  const reader: SecretReader = {
    async json(id) {
      const secret = secrets[id];
      if (!secret) throw new Error(`no secret ${id}`);
      return secret;
    },
    forget: () => undefined,
  };

  it('reads UltraMsg\'s instance and token from its secret when the environment has none',
    async () => {
      const config = loadConfig({ ULTRAMSG_SECRET_ARN: arn('turno/ultramsg') }).app.messaging;
      await expect(ultraMsgCredentials(config, async () => reader).read()).resolves.toEqual({
        instanceId: 'instance7', token: 'from-secret',
      });
    });

  it('reads Gmail\'s OAuth client from its secret', async () => {
    const config = loadConfig({ GMAIL_SECRET_ARN: arn('turno/gmail') }).app.messaging;
    await expect(gmailCredentials(config, async () => reader).read()).resolves.toEqual({
      clientId: 'cid', clientSecret: 'csecret', refreshToken: 'rtoken',
    });
  });

  it('prefers the environment and never opens Secrets Manager then', async () => {
    const config = loadConfig({
      ULTRAMSG_INSTANCE_ID: 'instance1', ULTRAMSG_TOKEN: 'env-token',
      ULTRAMSG_SECRET_ARN: arn('turno/ultramsg'),
    }).app.messaging;
    const unused = async (): Promise<SecretReader> => { throw new Error('opened'); };
    await expect(ultraMsgCredentials(config, unused).read()).resolves.toEqual({
      instanceId: 'instance1', token: 'env-token',
    });
  });
});
