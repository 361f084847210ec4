import { backoffMs, defaultSleep } from './cloud/backoff.ts';
import { ExtensionFailure, getFromExtension } from './secrets-extension-get.ts';
import {
  cachedSecretReader, SecretError, secretName, type SecretReader, type SecretReaderOptions,
} from './secrets.ts';

export interface ExtensionReaderOptions extends SecretReaderOptions {
  /** PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: where the extension listens (2773 by default). */
  port: number;
  /** AWS_SESSION_TOKEN, asked for at each read: the extension refuses a request without it. */
  token: () => string | undefined;
  /** Each attempt gives up after this long. */
  timeoutMs?: number;
  /** Waits between attempts; tests pass one that resolves at once. */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Ample for the extension's own call to Secrets Manager on a cold start, and short enough that
 * every attempt timing out, waits included, takes under 10 s of the api's 29 s.
 */
export const extensionTimeoutMs = 3_000;

/** As many as the Secrets Manager client's standard retry mode made before the extension. */
export const extensionAttempts = 3;

// Full jitter (backoff.ts): the first wait is under 150 ms, the second under 300 ms.
const retryBaseMs = 150;

/**
 * Secrets from the AWS Parameters and Secrets Lambda Extension, a layer that serves
 * GetSecretValue on localhost and caches it. It loads no AWS SDK (node:http, not fetch,
 * which loads undici). No error carries the answer's body: it may hold the secret.
 */
export function extensionSecretReader(options: ExtensionReaderOptions): SecretReader {
  return cachedSecretReader(async (arn) => {
    const body = await getSecretValue(arn, options);
    let output: unknown;
    try {
      output = JSON.parse(body);
    } catch {
      throw new SecretError(`Secret ${secretName(arn)}: the extension's answer is not JSON`);
    }
    const text = typeof output === 'object' && output !== null
      ? (output as { SecretString?: unknown }).SecretString : undefined;
    return typeof text === 'string' ? text : undefined;
  }, options);
}

/**
 * The body of a 200, asking again after a failure that may pass (a 5xx, a 429, a lost
 * connection, a timeout); a SecretError saying how many attempts were made otherwise.
 */
async function getSecretValue(arn: string, options: ExtensionReaderOptions): Promise<string> {
  const failure = (what: string, cause?: unknown) => new SecretError(
    `Secret ${secretName(arn)}: the Parameters and Secrets extension ${what}`, { cause },
  );
  const token = options.token();
  if (!token) throw failure('needs AWS_SESSION_TOKEN, which is not set');
  const timeoutMs = options.timeoutMs ?? extensionTimeoutMs;
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await getFromExtension(arn, { port: options.port, token, timeoutMs });
    } catch (error) {
      if (!(error instanceof ExtensionFailure)) throw error;
      if (!error.transient || attempt === extensionAttempts) {
        const made = attempt === 1 ? '1 attempt' : `${attempt} attempts`;
        throw failure(`${error.message}, after ${made}`, error.cause);
      }
      await sleep(backoffMs(attempt - 1, Math.random, retryBaseMs));
    }
  }
}
