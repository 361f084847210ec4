import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the fake answers next instead of the secret: a status and body, nothing at all, or a
 * connection cut before any answer.
 */
export type ExtensionAnswer = { status: number; body: string } | 'hang' | 'reset';

export interface FakeSecretsExtension {
  /** What PARAMETERS_SECRETS_EXTENSION_HTTP_PORT would say. */
  port: number;
  /** The secretId of each request, in order, whatever it was answered. */
  asked: string[];
  /** Answers the next request with `answer`; calls queue up, then secrets are served again. */
  answerNext(answer: ExtensionAnswer): void;
  close(): Promise<void>;
}

const json = (status: number, value: unknown) => ({ status, body: JSON.stringify(value) });

/**
 * Test and bench support: the AWS Parameters and Secrets Lambda Extension's Secrets Manager
 * route on 127.0.0.1, serving `secrets` (ARN → SecretString, read at each request) to callers
 * that send `token` in X-Aws-Parameters-Secrets-Token, as the extension checks
 * AWS_SESSION_TOKEN. Answers are shaped as GetSecretValue's, errors as its statuses.
 */
export async function startFakeSecretsExtension(
  secrets: Record<string, string>, token: string,
): Promise<FakeSecretsExtension> {
  const asked: string[] = [];
  const next: ExtensionAnswer[] = [];
  const answer = (request: IncomingMessage) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const id = url.searchParams.get('secretId');
    if (id !== null) asked.push(id);
    if (request.headers['x-aws-parameters-secrets-token'] !== token) {
      return json(401, { message: 'missing or wrong X-Aws-Parameters-Secrets-Token' });
    }
    if (request.method !== 'GET' || url.pathname !== '/secretsmanager/get' || !id) {
      return json(400, { message: 'expected GET /secretsmanager/get?secretId=' });
    }
    const planned = next.shift();
    if (planned) return planned;
    const value = secrets[id];
    if (value === undefined) return json(404, { message: `${id} not found` });
    return json(200, {
      ARN: id, Name: id.split(':secret:')[1] ?? id, SecretString: value,
      VersionId: 'a1b2c3d4-0000-4000-8000-bench0000001', VersionStages: ['AWSCURRENT'],
      CreatedDate: '2026-01-05T16:00:00.000Z', ResultMetadata: {},
    });
  };
  const server = createServer((request, response) => {
    const reply = answer(request);
    // A hanging request is ended by close(), which cuts every connection.
    if (reply === 'hang') return;
    if (reply === 'reset') {
      request.socket.destroy();
      return;
    }
    response.writeHead(reply.status, { 'content-type': 'application/json' });
    response.end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    asked,
    answerNext: (planned) => { next.push(planned); },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
