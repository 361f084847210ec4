import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSecretsManager {
  url: string;
  calls: () => number;
  close(): Promise<void>;
}

/**
 * GetSecretValue over Secrets Manager's JSON 1.1 protocol on 127.0.0.1, so a bundle's cold
 * start includes loading the SDK client and one real HTTP round trip, with no AWS account.
 */
export async function startFakeSecretsManager(
  secrets: Record<string, string>,
): Promise<FakeSecretsManager> {
  let calls = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      calls += 1;
      const target = request.headers['x-amz-target'];
      const { SecretId: id } = JSON.parse(Buffer.concat(chunks).toString() || '{}') as {
        SecretId?: string;
      };
      const secret = id === undefined ? undefined : secrets[id];
      const ok = target === 'secretsmanager.GetSecretValue' && secret !== undefined;
      response.writeHead(ok ? 200 : 400, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(JSON.stringify(ok
        ? { ARN: id, Name: id?.split(':secret:')[1], SecretString: secret, VersionId: 'v1' }
        : { __type: 'ResourceNotFoundException', message: 'Secrets Manager cannot find it.' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls: () => calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
