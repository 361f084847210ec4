import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { cachedSecretReader, type SecretReader, type SecretReaderOptions } from './secrets.ts';

/** GetSecretValue over a Secrets Manager client: where no extension serves the function. */
export function sdkSecretReader(
  client: SecretsManagerClient, options: SecretReaderOptions = {},
): SecretReader {
  return cachedSecretReader(async (arn) => {
    const output = await client.send(new GetSecretValueCommand({ SecretId: arn }));
    return output.SecretString;
  }, options);
}

/**
 * A reader over a new Secrets Manager client. The client is made here, not by its callers,
 * so a bundle keeps only the SDK parts this module uses (a dynamic import of the package
 * would keep every command of the service); callers import this module dynamically instead.
 */
export function openSdkSecretReader(region: string | undefined): SecretReader {
  return sdkSecretReader(new SecretsManagerClient(region ? { region } : {}));
}
