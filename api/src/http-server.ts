import { createServer, STATUS_CODES } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { getRequestListener, RequestError, type ServerType } from '@hono/node-server';
import { errorCatalog, type ErrorBody, type ErrorCode } from '@turno/shared';
import type { Logger } from './types.ts';

type Fetch = Parameters<typeof getRequestListener>[0];

export interface HttpServerOptions {
  fetch: Fetch;
  port: number;
  hostname?: string;
  log: Logger;
}

/**
 * Serves the app with Node's HTTP server, and answers what Node's parser refuses before the
 * app sees it (a request line or headers over 16 KB, malformed HTTP, a missing or malformed
 * Host) in Turno's JSON shape.
 */
export function startHttpServer(
  options: HttpServerOptions, onListening?: (info: AddressInfo) => void,
): ServerType {
  const { fetch, port, hostname } = options;
  const log = options.log.child('http');
  // No default host for the listener: a request without one is refused, as HTTP/1.1 wants.
  const listener = getRequestListener(fetch, {
    errorHandler: (error) => {
      const refused = error instanceof RequestError;
      if (refused) log.info('http.bad_request', { reason: error.message });
      else log.error('http.failed', { error });
      const code = refused ? 'bad_request' : 'internal';
      return new Response(jsonBody(code), {
        status: errorCatalog[code].status,
        headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
      });
    },
  });
  // Node would answer a request with no Host by itself, with an empty 400: the listener's own
  // check answers it in JSON instead.
  const server = createServer({ requireHostHeader: false }, listener);
  server.on('clientError', answerClientError(log));
  server.listen(port, hostname, () => onListening?.(server.address() as AddressInfo));
  return server;
}

// Node's own answers to these, in the catalog's words; any other parse error is a 400.
const codeByNodeError: Partial<Record<string, ErrorCode>> = {
  HPE_HEADER_OVERFLOW: 'request_too_large',
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 'body_too_large',
  ERR_HTTP_REQUEST_TIMEOUT: 'request_timeout',
};

/** The `clientError` listener: one JSON answer, or a dropped socket when none can be sent. */
export function answerClientError(log: Logger) {
  // The parser reports every later chunk of a refused request again: answer only once.
  const answered = new WeakSet<Duplex>();
  return (error: Error & { code?: string }, socket: Duplex): void => {
    if (answered.has(socket)) return;
    const nodeCode = typeof error.code === 'string' ? error.code : 'unknown';
    if (nodeCode === 'ECONNRESET' || !socket.writable || responseStarted(socket)) {
      log.debug('http.client_error', { nodeCode, answered: false });
      socket.destroy();
      return;
    }
    const code = codeByNodeError[nodeCode] ?? 'bad_request';
    const { status } = errorCatalog[code];
    // Never the error itself: its rawPacket holds the refused headers, tokens included.
    log.info('http.client_error', { nodeCode, answered: true, status, code });
    answered.add(socket);
    socket.once('finish', () => socket.destroy());
    socket.end(rawResponse(code));
  };
}

/** True once a response on this connection has sent its head: a second one would corrupt it. */
function responseStarted(socket: Duplex): boolean {
  const inFlight = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  return inFlight?.headersSent === true;
}

function jsonBody(code: ErrorCode): string {
  const body: ErrorBody = { error: { code, message: errorCatalog[code].message } };
  return JSON.stringify(body);
}

function rawResponse(code: ErrorCode): string {
  const { status } = errorCatalog[code];
  const json = jsonBody(code);
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(json)}`,
    'Cache-Control: no-store',
    'Connection: close',
    '',
    json,
  ].join('\r\n');
}
