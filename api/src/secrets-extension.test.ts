import { afterEach, describe, expect, it } from 'vitest';
import { extensionSecretReader, type ExtensionReaderOptions } from './secrets-extension.ts';
import { loadVapidSecret, SecretError } from './secrets.ts';
import {
  startFakeSecretsExtension, type FakeSecretsExtension,
} from './testing/secrets-extension.ts';

const arn = 'arn:aws:secretsmanager:us-east-1:111122223333:secret:turno/vapid-AbCdEf';
const privateKey = 'privateKeyNeverInAnError';
const vapid = { publicKey: 'BPublicKeyInBase64url', privateKey };
const token = 'session-token-of-the-container';

let extension: FakeSecretsExtension | undefined;
afterEach(async () => {
  await extension?.close();
  extension = undefined;
});

async function setUp(options: Partial<ExtensionReaderOptions> = {}) {
  const secrets: Record<string, string> = { [arn]: JSON.stringify(vapid) };
  const started = await startFakeSecretsExtension(secrets, token);
  extension = started;
  const reader = extensionSecretReader({ port: started.port, token: () => token, ...options });
  return { reader, secrets, extension: started };
}

/** The rejection of `read`, which must be a SecretError. */
async function failure(read: Promise<unknown>): Promise<SecretError> {
  const error = await read.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(SecretError);
  return error as SecretError;
}

describe('secrets through the Parameters and Secrets extension', () => {
  it('reads a secret by its ARN with the session token', async () => {
    const { reader, extension } = await setUp();

    expect(await loadVapidSecret(reader, arn)).toEqual(vapid);
    expect(extension.asked).toEqual([arn]);
  });

  it('keeps a secret in the container, and asks again once it is forgotten', async () => {
    const { reader, secrets, extension } = await setUp();
    await reader.json(arn);
    secrets[arn] = JSON.stringify({ ...vapid, privateKey: 'fixed' });

    expect((await reader.json(arn)).privateKey).toBe(privateKey);
    reader.forget(arn);
    expect((await reader.json(arn)).privateKey).toBe('fixed');
    expect(extension.asked).toEqual([arn, arn]);
  });

  it('names the secret and the status when the extension refuses, never the answer', async () => {
    const { reader, extension } = await setUp();
    extension.answerNext({ status: 500, body: JSON.stringify({ SecretString: privateKey }) });

    const error = await failure(reader.json(arn));

    expect(error.message).toBe('Secret turno/vapid-AbCdEf: the Parameters and Secrets '
      + 'extension answered 500');
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(privateKey);
    expect(await reader.json(arn)).toEqual(vapid);
  });

  it('says a secret the extension cannot find is not found', async () => {
    const { reader } = await setUp();
    const other = arn.replace('vapid', 'gmail');

    const error = await failure(reader.json(other));

    expect(error.message).toMatch(/^Secret turno\/gmail-AbCdEf: .* answered 404 \(found no such/);
  });

  it('is denied with another session token, and says what to check', async () => {
    const { reader } = await setUp({ token: () => 'another-token' });

    const error = await failure(reader.json(arn));

    expect(error.message)
      .toContain("answered 401 (denied: check the session token and the role's");
  });

  it('asks nothing without a session token, and names the variable', async () => {
    const { reader, extension } = await setUp({ token: () => undefined });

    const error = await failure(reader.json(arn));

    expect(error.message).toContain('extension needs AWS_SESSION_TOKEN, which is not set');
    expect(extension.asked).toEqual([]);
  });

  it('refuses an answer that is not JSON without quoting it', async () => {
    const { reader, extension } = await setUp();
    extension.answerNext({ status: 200, body: `SecretString=${privateKey}` });

    const error = await failure(reader.json(arn));

    expect(error.message).toBe("Secret turno/vapid-AbCdEf: the extension's answer is not JSON");
    expect(error.message).not.toContain(privateKey);
  });

  it('checks the secret inside the answer as a JSON object', async () => {
    const { reader, secrets } = await setUp();
    secrets[arn] = `privateKey=${privateKey}`;

    const error = await failure(reader.json(arn));

    expect(error.message).toBe('Secret turno/vapid-AbCdEf is not JSON');
  });

  it('gives up on an extension that does not answer, and says so', async () => {
    const { reader, extension } = await setUp({ timeoutMs: 100 });
    extension.answerNext('hang');

    const error = await failure(reader.json(arn));

    expect(error.message).toBe('Secret turno/vapid-AbCdEf: the Parameters and Secrets '
      + 'extension gave no answer within 100 ms');
  });

  it('says it cannot reach an extension that is not listening', async () => {
    const { reader, extension } = await setUp();
    await extension.close();

    const error = await failure(reader.json(arn));

    expect(error.message).toContain('extension could not be read (ECONNREFUSED)');
  });
});
