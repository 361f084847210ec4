import { request } from 'node:http';

/** Why one request got no secret, and whether asking again may get it. */
export class ExtensionFailure extends Error {
  constructor(message: string, readonly transient: boolean, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ExtensionFailure';
  }
}

export interface ExtensionTarget {
  /** PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: where the extension listens (2773 by default). */
  port: number;
  /** AWS_SESSION_TOKEN, which the extension checks. */
  token: string;
  timeoutMs: number;
}

// Not the documented `localhost`: Lambda may resolve it to ::1, which it cannot reach
// (turbot/steampipe#3264), and an address needs no DNS lookup on a cold start.
const host = '127.0.0.1';

const reasons: Partial<Record<number, string>> = {
  400: 'refused the request',
  401: "denied: check the session token and the role's secretsmanager:GetSecretValue",
  403: "denied: check the session token and the role's secretsmanager:GetSecretValue",
  404: 'found no such secret',
};

// Throttling, or a failure of the extension's own call to Secrets Manager, may pass; a refusal
// (400, 401, 403, 404) would be answered the same way again.
const transientStatus = (status: number) => status === 429 || status >= 500;

/**
 * The body of a 200 from one `GET /secretsmanager/get`; an ExtensionFailure for anything
 * else, which never carries the answer's body: it may hold the secret.
 */
export function getFromExtension(arn: string, target: ExtensionTarget): Promise<string> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (error: ExtensionFailure | undefined, body = '') => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(body);
    };
    // Refused, reset or cut short: a GET is safe to send again, and the next may get through.
    const unreadable = (error: NodeJS.ErrnoException) => settle(new ExtensionFailure(
      `could not be read (${error.code ?? 'no answer'})`, true, { cause: error },
    ));
    const req = request({
      host, port: target.port,
      path: `/secretsmanager/get?secretId=${encodeURIComponent(arn)}`,
      headers: { 'X-Aws-Parameters-Secrets-Token': target.token },
      // A connection of its own: one kept while the container was frozen may be dead.
      agent: false,
    }, (response) => {
      response.on('error', unreadable);
      const status = response.statusCode ?? 0;
      if (status !== 200) {
        response.resume();
        const reason = reasons[status] ? ` (${reasons[status]})` : '';
        settle(new ExtensionFailure(`answered ${status}${reason}`, transientStatus(status)));
        return;
      }
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => settle(undefined, Buffer.concat(chunks).toString('utf8')));
    });
    req.on('error', unreadable);
    const timer = setTimeout(() => {
      settle(new ExtensionFailure(`gave no answer within ${target.timeoutMs} ms`, true));
      req.destroy();
    }, target.timeoutMs);
    req.end();
  });
}
