/** A secret that cannot be used as Turno needs it; the message never carries a value. */
export class SecretError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SecretError';
  }
}

export type SecretJson = Record<string, unknown>;

/** Secrets Manager JSON secrets, each kept for a while so a call costs no request. */
export interface SecretReader {
  json(arn: string): Promise<SecretJson>;
  /**
   * Drops the kept copy: the service rejected it, so the next read asks again. Behind the
   * Parameters and Secrets extension that read may still get the extension's own copy, until
   * its SECRETS_MANAGER_TTL runs out (60 s in the stack).
   */
  forget(arn: string): void;
}

/** One GetSecretValue: the secret's SecretString, undefined for a binary secret. */
export type FetchSecretString = (arn: string) => Promise<string | undefined>;

export interface SecretReaderOptions {
  /** How long a fetched secret is kept; someone who fixes a token waits at most this long. */
  ttlMs?: number;
  now?: () => number;
}

/** Five minutes: few requests, and a corrected token is picked up soon. */
export const secretTtlMs = 5 * 60_000;

/**
 * The reader every source shares: the per-container cache and the JSON object checks, over
 * whatever fetches a SecretString (the SDK client or the Lambda extension).
 */
export function cachedSecretReader(
  fetch: FetchSecretString, options: SecretReaderOptions = {},
): SecretReader {
  const ttlMs = options.ttlMs ?? secretTtlMs;
  const now = options.now ?? Date.now;
  const cache = new Map<string, { value: Promise<SecretJson>; at: number }>();
  return {
    json(arn) {
      const cached = cache.get(arn);
      if (cached && now() - cached.at < ttlMs) return cached.value;
      const fetched = fetch(arn).then((text) => parseSecretJson(text, arn));
      const entry = { value: fetched, at: now() };
      cache.set(arn, entry);
      // A failure is not kept: the next invocation asks again.
      fetched.catch(() => {
        if (cache.get(arn) === entry) cache.delete(arn);
      });
      return fetched;
    },
    forget(arn) {
      cache.delete(arn);
    },
  };
}

/** Lambda's variables that say the Parameters and Secrets extension serves this function. */
export type SecretSourceEnv = Partial<Record<
  'PARAMETERS_SECRETS_EXTENSION_HTTP_PORT' | 'AWS_SESSION_TOKEN', string
>>;

/**
 * A reader through the Parameters and Secrets extension when `extensionPortIn(env)` finds it,
 * else over a Secrets Manager client. Each is imported only when chosen, so a cold start
 * behind the extension loads no AWS SDK.
 */
export async function openSecretReader(
  region: string | undefined, env: SecretSourceEnv = process.env,
): Promise<SecretReader> {
  const port = extensionPortIn(env);
  if (port !== undefined) {
    const { extensionSecretReader } = await import('./secrets-extension.ts');
    return extensionSecretReader({ port, token: () => env.AWS_SESSION_TOKEN });
  }
  const { openSdkSecretReader } = await import('./secrets-sdk.ts');
  return openSdkSecretReader(region);
}

/**
 * The extension's port when the stack gave the function its layer (which sets the port) and
 * Lambda a session token (which the extension asks for); undefined otherwise.
 */
export function extensionPortIn(env: SecretSourceEnv): number | undefined {
  const text = env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT;
  if (!text || !env.AWS_SESSION_TOKEN) return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new SecretError('PARAMETERS_SECRETS_EXTENSION_HTTP_PORT must be a port (1-65535)');
  }
  return port;
}

/** The secret as a JSON object; a SecretError naming the secret, never quoting it, otherwise. */
function parseSecretJson(text: string | undefined, arn: string): SecretJson {
  if (text === undefined) throw new SecretError(`Secret ${secretName(arn)} has no SecretString`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // JSON.parse's own message quotes the text it failed on: the secret itself.
    throw new SecretError(`Secret ${secretName(arn)} is not JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SecretError(`Secret ${secretName(arn)} is not a JSON object`);
  }
  return parsed as SecretJson;
}

/** The non-empty string at `key`; a SecretError naming the secret and the key otherwise. */
export function requireString(secret: SecretJson, key: string, arn: string): string {
  const value = secret[key];
  if (typeof value !== 'string' || value === '') {
    throw new SecretError(`Secret ${secretName(arn)} has no "${key}" (a non-empty string)`);
  }
  return value;
}

/** The secret's name from its ARN (`…:secret:turno/app-AbCdEf` → `turno/app-AbCdEf`). */
export function secretName(arn: string): string {
  return /:secret:(.+)$/.exec(arn)?.[1] ?? arn;
}

/** The named string fields of a secret, each required: a SecretError names the first missing. */
export async function readSecretFields<K extends string>(
  reader: SecretReader, arn: string, keys: readonly K[],
): Promise<Record<K, string>> {
  const secret = await reader.json(arn);
  return Object.fromEntries(keys.map((key) => [key, requireString(secret, key, arn)])) as
    Record<K, string>;
}

/** The web push VAPID pair (base64url), as the stack's `turno/vapid` secret holds it. */
export const loadVapidSecret = (reader: SecretReader, arn: string) =>
  readSecretFields(reader, arn, ['publicKey', 'privateKey'] as const);

/** UltraMsg's WhatsApp API instance and token (`turno/ultramsg`). */
export const loadUltraMsgSecret = (reader: SecretReader, arn: string) =>
  readSecretFields(reader, arn, ['instanceId', 'token'] as const);

/** The Gmail API OAuth client and the sender it mails as (`turno/gmail`). */
export const loadGmailSecret = (reader: SecretReader, arn: string) =>
  readSecretFields(reader, arn, ['clientId', 'clientSecret', 'refreshToken', 'sender'] as const);

/**
 * A postgres:// URL with the user and password of an RDS credentials secret; a URL that
 * already carries a password is left as it is.
 */
export async function withDatabaseCredentials(
  reader: SecretReader, url: string, arn: string | undefined,
): Promise<string> {
  const parsed = new URL(url);
  if (!arn || parsed.password) return url;
  const secret = await reader.json(arn);
  parsed.username = encodeURIComponent(requireString(secret, 'username', arn));
  parsed.password = encodeURIComponent(requireString(secret, 'password', arn));
  return parsed.toString();
}
