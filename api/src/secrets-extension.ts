import { request } from 'node:http';
import {
  cachedSecretReader, SecretError, secretName, type SecretReader, type SecretReaderOptions,
} from './secrets.ts';

export interface ExtensionReaderOptions extends SecretReaderOptions {
  /** PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: where the extension listens (2773 by default). */
  port: number;
  /** AWS_SESSION_TOKEN, asked for at each request: the extension refuses one without it. */
  token: () => string | undefined;
  /** Each request gives up after this long. */
  timeoutMs?: number;
}

/** Long enough for the extension's own call to Secrets Manager on a cold start. */
export const extensionTimeoutMs = 5_000;

// Not the documented `localhost`: Lambda may resolve it to ::1, which it cannot reach
// (turbot/steampipe#3264), and an address needs no DNS lookup on a cold start.
const host = '127.0.0.1';

const reasons: Partial<Record<number, string>> = {
  400: 'refused the request',
  401: "denied: check the session token and the role's secretsmanager:GetSecretValue",
  403: "denied: check the session token and the role's secretsmanager:GetSecretValue",
  404: 'found no such secret',
};

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

/** The body of a 200 from `GET /secretsmanager/get`; a SecretError for anything else. */
function getSecretValue(arn: string, options: ExtensionReaderOptions): Promise<string> {
  const failure = (what: string, cause?: unknown) => new SecretError(
    `Secret ${secretName(arn)}: the Parameters and Secrets extension ${what}`, { cause },
  );
  const token = options.token();
  if (!token) return Promise.reject(failure('needs AWS_SESSION_TOKEN, which is not set'));
  const timeoutMs = options.timeoutMs ?? extensionTimeoutMs;
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (error: SecretError | undefined, body = '') => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(body);
    };
    const unreadable = (error: NodeJS.ErrnoException) =>
      settle(failure(`could not be read (${error.code ?? 'no answer'})`, error));
    const req = request({
      host, port: options.port, path: `/secretsmanager/get?secretId=${encodeURIComponent(arn)}`,
      headers: { 'X-Aws-Parameters-Secrets-Token': token },
      // A connection of its own: one kept while the container was frozen may be dead.
      agent: false,
    }, (response) => {
      response.on('error', unreadable);
      const status = response.statusCode ?? 0;
      if (status !== 200) {
        response.resume();
        settle(failure(`answered ${status}${reasons[status] ? ` (${reasons[status]})` : ''}`));
        return;
      }
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => settle(undefined, Buffer.concat(chunks).toString('utf8')));
    });
    req.on('error', unreadable);
    const timer = setTimeout(() => {
      settle(failure(`gave no answer within ${timeoutMs} ms`));
      req.destroy();
    }, timeoutMs);
    req.end();
  });
}
