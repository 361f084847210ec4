import type { SecretReader } from '../../secrets.ts';
import type { MessagingConfig } from './config.ts';

export interface UltraMsgCredentials {
  instanceId: string;
  token: string;
}

export interface GmailCredentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

/** Opens a secret reader only when a secret is needed; one per region and process. */
export type ReaderSource = () => Promise<SecretReader>;

const readers = new Map<string, Promise<SecretReader>>();

export function secretsManagerReader(region: string | undefined): ReaderSource {
  return () => {
    const key = region ?? '';
    let reader = readers.get(key);
    if (!reader) {
      reader = import('../../secrets.ts').then(({ openSecretReader }) => openSecretReader(region));
      readers.set(key, reader);
    }
    return reader;
  };
}

/** Credentials read when a call needs them. */
export interface CredentialSource<T> {
  read(): Promise<T>;
  /**
   * The service said they are wrong: drop the kept secret, so a token someone fixed in
   * Secrets Manager is used on the next look instead of after the cache runs out (behind the
   * Lambda extension, once the extension's own copy runs out: at most a minute in the stack).
   */
  forget(): Promise<void>;
}

function forgetting(secretArn: string | undefined, reader: ReaderSource, fromEnv: boolean) {
  return async () => {
    if (fromEnv || !secretArn) return;
    (await reader()).forget(secretArn);
  };
}

/**
 * The instance and token: from the environment when both are there, else from the
 * `turno/ultramsg` secret (an instance id in the environment still wins).
 */
export function ultraMsgCredentials(
  config: MessagingConfig, reader: ReaderSource,
): CredentialSource<UltraMsgCredentials> {
  const { instanceId, token, secretArn } = config.ultramsg;
  const fromEnv = Boolean(instanceId && token);
  return {
    async read() {
      if (instanceId && token) return { instanceId, token };
      if (!secretArn) throw new Error('UltraMsg has no instance id and token configured');
      // Loaded on demand: a local start never needs the AWS SDK.
      const { loadUltraMsgSecret } = await import('../../secrets.ts');
      const secret = await loadUltraMsgSecret(await reader(), secretArn);
      return { instanceId: instanceId ?? secret.instanceId, token: token ?? secret.token };
    },
    forget: forgetting(secretArn, reader, fromEnv),
  };
}

/** The OAuth client and refresh token: from the environment, else the `turno/gmail` secret. */
export function gmailCredentials(
  config: MessagingConfig, reader: ReaderSource,
): CredentialSource<GmailCredentials> {
  const { clientId, clientSecret, refreshToken, secretArn } = config.gmail;
  const fromEnv = Boolean(clientId && clientSecret && refreshToken);
  return {
    async read() {
      if (clientId && clientSecret && refreshToken) {
        return { clientId, clientSecret, refreshToken };
      }
      if (!secretArn) throw new Error('Gmail has no OAuth client configured');
      const { loadGmailSecret } = await import('../../secrets.ts');
      const secret = await loadGmailSecret(await reader(), secretArn);
      return {
        clientId: secret.clientId, clientSecret: secret.clientSecret,
        refreshToken: secret.refreshToken,
      };
    },
    forget: forgetting(secretArn, reader, fromEnv),
  };
}
