import type { CredentialSource, UltraMsgCredentials } from './credentials.ts';
import { callBinary, callJson, type BinaryAnswer, type HttpAnswer } from './http.ts';

/** The three UltraMsg calls Turno makes, answered by UltraMsg itself or by the sandbox. */
export interface UltraMsgPort {
  /** GET /<instance>/instance/status */
  status(): Promise<HttpAnswer>;
  /** GET /<instance>/messages/statistics: sent, queue, unsent, invalid, expired. */
  statistics(): Promise<HttpAnswer>;
  /** GET /<instance>/instance/qr: a PNG while the instance waits for a scan, else JSON. */
  qr(): Promise<BinaryAnswer>;
  /** UltraMsg rejected the token or instance: read them afresh next time. */
  forgetCredentials?(): Promise<void>;
}

export interface UltraMsgHttpOptions {
  baseUrl: string;
  credentials: CredentialSource<UltraMsgCredentials>;
  timeoutMs: number;
  fetch?: typeof fetch;
}

/** UltraMsg over HTTP. Its only auth is `token` in the query string: no error may carry it. */
export function createUltraMsgHttp(options: UltraMsgHttpOptions): UltraMsgPort {
  async function target(path: string) {
    const { instanceId, token } = await options.credentials.read();
    const query = new URLSearchParams({ token }).toString();
    const url = `${options.baseUrl}/${encodeURIComponent(instanceId)}/${path}?${query}`;
    const call = {
      what: `UltraMsg ${path}`, secrets: [token, encodeURIComponent(token)],
      timeoutMs: options.timeoutMs, ...(options.fetch ? { fetch: options.fetch } : {}),
    };
    return { url, call };
  }
  const accept = (type: string): RequestInit => ({ method: 'GET', headers: { accept: type } });

  return {
    async status() {
      const { url, call } = await target('instance/status');
      return callJson(url, accept('application/json'), call);
    },
    async statistics() {
      const { url, call } = await target('messages/statistics');
      return callJson(url, accept('application/json'), call);
    },
    async qr() {
      const { url, call } = await target('instance/qr');
      return callBinary(url, accept('image/png, application/json'), call);
    },
    forgetCredentials: () => options.credentials.forget(),
  };
}
