import type { CredentialSource, GmailCredentials } from './credentials.ts';
import { callJson, type HttpAnswer } from './http.ts';

/** Google's token endpoint, asked to trade the refresh token for an access token. */
export interface GmailTokenPort {
  refresh(): Promise<HttpAnswer>;
  /** Google rejected the client or refresh token: read them afresh next time. */
  forgetCredentials?(): Promise<void>;
}

export interface GmailHttpOptions {
  tokenUrl: string;
  credentials: CredentialSource<GmailCredentials>;
  timeoutMs: number;
  fetch?: typeof fetch;
}

/**
 * The refresh grant of RFC 6749 §6 as one form POST. A library would add a dependency to the
 * Lambda bundle for this one request; the access token it returns is thrown away.
 */
export function createGmailTokenHttp(options: GmailHttpOptions): GmailTokenPort {
  return {
    async refresh() {
      const { clientId, clientSecret, refreshToken } = await options.credentials.read();
      const body = new URLSearchParams({
        grant_type: 'refresh_token', client_id: clientId, client_secret: clientSecret,
        refresh_token: refreshToken,
      });
      const answer = await callJson(options.tokenUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded', accept: 'application/json',
        },
        body: body.toString(),
      }, {
        what: 'Google token endpoint', secrets: [clientSecret, refreshToken],
        timeoutMs: options.timeoutMs, ...(options.fetch ? { fetch: options.fetch } : {}),
      });
      return { status: answer.status, body: withoutTokens(answer.body) };
    },
    forgetCredentials: () => options.credentials.forget(),
  };
}

/** Keeps Google's answer minus the tokens it grants: nothing downstream may hold them. */
function withoutTokens(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (!/token$/i.test(key)) kept[key] = value;
  }
  return kept;
}
