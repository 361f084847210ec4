import {
  GetSecretValueCommand, ResourceNotFoundException, SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { sdkSecretReader } from './secrets-sdk.ts';
import {
  loadGmailSecret, loadUltraMsgSecret, loadVapidSecret, openSecretReader, SecretError,
  secretTtlMs, withDatabaseCredentials,
} from './secrets.ts';
import { startFakeSecretsExtension } from './testing/secrets-extension.ts';

const appArn = 'arn:aws:secretsmanager:us-east-1:111122223333:secret:turno/vapid-AbCdEf';
const otherArn = 'arn:aws:secretsmanager:us-east-1:111122223333:secret:turno/gmail-QwErTy';
const dbArn = 'arn:aws:secretsmanager:us-east-1:111122223333:secret:rds!db-1234-XyZ';

const vapid = { publicKey: 'BPublicKeyInBase64url', privateKey: 'privateKeyBase64url' };

function secretsManager(values: Record<string, string | undefined>, clock = { now: 0 }) {
  const client = new SecretsManagerClient({ region: 'us-east-1' });
  const mock = mockClient(client);
  mock.on(GetSecretValueCommand).callsFake((input: { SecretId: string }) => {
    if (!(input.SecretId in values)) {
      throw new ResourceNotFoundException({ message: 'not found', $metadata: {} });
    }
    return { ARN: input.SecretId, Name: 'turno/vapid', SecretString: values[input.SecretId] };
  });
  return { reader: sdkSecretReader(client, { now: () => clock.now }), mock };
}

describe('secrets from Secrets Manager', () => {
  it('keeps a secret five minutes, then reads the value someone fixed meanwhile', async () => {
    const clock = { now: 0 };
    const values = { [appArn]: JSON.stringify({ ...vapid, privateKey: 'old' }) };
    const { reader, mock } = secretsManager(values, clock);
    await loadVapidSecret(reader, appArn);

    values[appArn] = JSON.stringify(vapid);
    clock.now = secretTtlMs - 1;
    expect((await loadVapidSecret(reader, appArn)).privateKey).toBe('old');
    clock.now = secretTtlMs;
    expect(await loadVapidSecret(reader, appArn)).toEqual(vapid);
    expect(mock.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('reads a forgotten secret again at once', async () => {
    const values = { [appArn]: JSON.stringify({ ...vapid, privateKey: 'old' }) };
    const { reader, mock } = secretsManager(values);
    await loadVapidSecret(reader, appArn);

    values[appArn] = JSON.stringify(vapid);
    reader.forget(appArn);

    expect(await loadVapidSecret(reader, appArn)).toEqual(vapid);
    expect(mock.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('asks Secrets Manager once per secret while it is kept', async () => {
    const { reader, mock } = secretsManager({ [appArn]: JSON.stringify(vapid) });

    const [first, second] = await Promise.all([
      loadVapidSecret(reader, appArn), loadVapidSecret(reader, appArn),
    ]);
    const third = await loadVapidSecret(reader, appArn);

    expect(mock.commandCalls(GetSecretValueCommand)).toHaveLength(1);
    expect(mock.commandCalls(GetSecretValueCommand)[0]?.args[0].input).toEqual({
      SecretId: appArn,
    });
    expect(first).toEqual(vapid);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
  });

  it('reads the UltraMsg and Gmail secrets field by field', async () => {
    const { reader } = secretsManager({
      [appArn]: JSON.stringify({ instanceId: 'instance71234', token: 'u-token' }),
      [otherArn]: JSON.stringify({
        clientId: 'id.apps', clientSecret: 'g-secret', refreshToken: '1//r', sender: 'a@b.mx',
      }),
    });

    expect(await loadUltraMsgSecret(reader, appArn)).toEqual({
      instanceId: 'instance71234', token: 'u-token',
    });
    expect(await loadGmailSecret(reader, otherArn)).toEqual({
      clientId: 'id.apps', clientSecret: 'g-secret', refreshToken: '1//r', sender: 'a@b.mx',
    });
  });

  it('names the secret and the missing key, never a value', async () => {
    const { reader } = secretsManager({
      [appArn]: JSON.stringify({ publicKey: 'BPublic', privateKey: '' }),
    });

    const failure = loadVapidSecret(reader, appArn);

    await expect(failure).rejects.toThrow(SecretError);
    await expect(failure).rejects.toThrow('Secret turno/vapid-AbCdEf has no "privateKey"');
    await expect(failure).rejects.not.toThrow(/BPublic/);
  });

  it('refuses a secret that is not a JSON object without quoting it', async () => {
    const { reader } = secretsManager({ [appArn]: 'vapid=hunter2', [dbArn]: '["a"]' });

    await expect(reader.json(appArn)).rejects.toThrow(/^Secret turno\/vapid-AbCdEf is not JSON$/);
    await expect(reader.json(appArn)).rejects.not.toThrow(/hunter2/);
    await expect(reader.json(dbArn)).rejects.toThrow('is not a JSON object');
  });

  it('asks again after a failure instead of keeping it', async () => {
    const values: Record<string, string> = {};
    const { reader, mock } = secretsManager(values);

    await expect(reader.json(appArn)).rejects.toThrow(ResourceNotFoundException);
    values[appArn] = JSON.stringify(vapid);
    const secret = await reader.json(appArn);

    expect(secret).toEqual(vapid);
    expect(mock.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('puts the RDS secret user and password into a database URL that has none', async () => {
    const { reader } = secretsManager({
      [dbArn]: JSON.stringify({ username: 'turno', password: 'p@ss/w%rd', engine: 'postgres' }),
    });
    const url = 'postgres://db.internal:5432/up?sslmode=no-verify';

    const filled = new URL(await withDatabaseCredentials(reader, url, dbArn));
    const kept = await withDatabaseCredentials(reader, 'postgres://a:b@db.internal/up', dbArn);

    expect(filled.username).toBe('turno');
    expect(decodeURIComponent(filled.password)).toBe('p@ss/w%rd');
    expect(filled.host).toBe('db.internal:5432');
    expect(filled.search).toBe('?sslmode=no-verify');
    expect(kept).toBe('postgres://a:b@db.internal/up');
    expect(await withDatabaseCredentials(reader, url, undefined)).toBe(url);
  });
});

describe('the secret reader a Lambda opens', () => {
  const closings: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of closings.splice(0)) await close();
  });

  /** Secrets Manager's client mocked for every instance, and an extension, both serving vapid. */
  async function bothSources() {
    const sdk = mockClient(SecretsManagerClient);
    sdk.on(GetSecretValueCommand).resolves({ SecretString: JSON.stringify(vapid) });
    const extension = await startFakeSecretsExtension({ [appArn]: JSON.stringify(vapid) }, 'tok');
    closings.push(async () => { sdk.restore(); await extension.close(); });
    const port = String(extension.port);
    return { sdk, extension, port };
  }

  it('reads through the extension when its port and a session token are set', async () => {
    const { sdk, extension, port } = await bothSources();
    const env = { PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: port, AWS_SESSION_TOKEN: 'tok' };

    const reader = await openSecretReader('us-east-1', env);

    expect(await loadVapidSecret(reader, appArn)).toEqual(vapid);
    expect(extension.asked).toEqual([appArn]);
    expect(sdk.commandCalls(GetSecretValueCommand)).toHaveLength(0);
  });

  it('reads with the SDK client without the extension or without a token', async () => {
    const { sdk, extension, port } = await bothSources();

    for (const env of [{}, { PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: port }]) {
      expect(await loadVapidSecret(await openSecretReader('us-east-1', env), appArn))
        .toEqual(vapid);
    }

    expect(sdk.commandCalls(GetSecretValueCommand)).toHaveLength(2);
    expect(extension.asked).toEqual([]);
  });

  it('refuses an extension port that is no port', async () => {
    const env = { PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: '27x3', AWS_SESSION_TOKEN: 'tok' };

    await expect(openSecretReader('us-east-1', env)).rejects.toThrow(SecretError);
  });
});
