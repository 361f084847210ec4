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
  const waits: number[] = [];
  const sleep = (ms: number) => {
    waits.push(ms);
    return Promise.resolve();
  };
  const reader = extensionSecretReader({
    port: started.port, token: () => token, sleep, ...options,
  });
  return { reader, secrets, extension: started, waits };
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

  it.each([429, 500, 503])('asks again after a %i, and reads the secret', async (status) => {
    const { reader, extension, waits } = await setUp();
    extension.answerNext({ status, body: '{}' });

    expect(await reader.json(arn)).toEqual(vapid);
    expect(extension.asked).toEqual([arn, arn]);
    expect(waits).toHaveLength(1);
  });

  it('asks again after the connection is reset, and reads the secret', async () => {
    const { reader, extension } = await setUp();
    extension.answerNext('reset');

    expect(await reader.json(arn)).toEqual(vapid);
    expect(extension.asked).toEqual([arn, arn]);
  });

  it('gives up after three 500s, naming the secret and the attempts, never the answer',
    async () => {
      const { reader, extension } = await setUp();
      const answer = { status: 500, body: JSON.stringify({ SecretString: privateKey }) };
      for (let i = 0; i < 3; i += 1) extension.answerNext(answer);

      const error = await failure(reader.json(arn));

      expect(error.message).toBe('Secret turno/vapid-AbCdEf: the Parameters and Secrets '
        + 'extension answered 500, after 3 attempts');
      expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(privateKey);
      expect(extension.asked).toEqual([arn, arn, arn]);
      expect(await reader.json(arn)).toEqual(vapid);
    });

  it('waits under 150 ms, then under 300 ms, before asking again', async () => {
    const { reader, extension, waits } = await setUp();
    extension.answerNext({ status: 503, body: '{}' });
    extension.answerNext({ status: 503, body: '{}' });

    await reader.json(arn);

    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(0);
    expect(waits[0]).toBeLessThan(150);
    expect(waits[1]).toBeLessThan(300);
  });

  it.each([400, 401, 403, 404])('does not ask again after a %i, which would not change',
    async (status) => {
      const { reader, extension, waits } = await setUp();
      extension.answerNext({ status, body: '{}' });

      const error = await failure(reader.json(arn));

      expect(error.message).toContain(`extension answered ${status}`);
      expect(error.message).toMatch(/, after 1 attempt$/);
      expect(extension.asked).toEqual([arn]);
      expect(waits).toEqual([]);
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

  it('asks again when a request gets no answer in time, and reads the secret', async () => {
    const { reader, extension } = await setUp({ timeoutMs: 100 });
    extension.answerNext('hang');

    expect(await reader.json(arn)).toEqual(vapid);
    expect(extension.asked).toEqual([arn, arn]);
  });

  it('gives up on an extension that never answers, and says so', async () => {
    const { reader, extension } = await setUp({ timeoutMs: 100 });
    for (let i = 0; i < 3; i += 1) extension.answerNext('hang');

    const error = await failure(reader.json(arn));

    expect(error.message).toBe('Secret turno/vapid-AbCdEf: the Parameters and Secrets '
      + 'extension gave no answer within 100 ms, after 3 attempts');
    expect(extension.asked).toEqual([arn, arn, arn]);
  });

  it('says it cannot reach an extension that is not listening', async () => {
    const { reader, extension, waits } = await setUp();
    await extension.close();

    const error = await failure(reader.json(arn));

    expect(error.message)
      .toContain('extension could not be read (ECONNREFUSED), after 3 attempts');
    expect(waits).toHaveLength(2);
  });
});
