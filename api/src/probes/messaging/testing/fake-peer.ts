import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the fake peer answers one path: a JSON body, raw bytes, silence or a cut socket. */
export type Reply =
  | { status?: number; json: unknown }
  | { status?: number; contentType: string; bytes: Uint8Array }
  | { silent: true }
  | { reset: true };

export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface FakePeer {
  /** http://127.0.0.1:<port> */
  url: string;
  requests: RecordedRequest[];
  /** Sets the reply for a path (without query); unknown paths answer 404 with `{}`. */
  answer(path: string, reply: Reply): void;
  close(): Promise<void>;
}

/**
 * Test support: a real HTTP server on 127.0.0.1 and a random port that answers as UltraMsg
 * or Google do, with the bodies the test gives it, and records what it was asked.
 */
export async function startFakePeer(): Promise<FakePeer> {
  const replies = new Map<string, Reply>();
  const requests: RecordedRequest[] = [];
  const hanging = new Set<ServerResponse>();

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = request.url ?? '/';
      requests.push({
        method: request.method ?? 'GET', url, headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const reply = replies.get(new URL(url, 'http://peer').pathname) ?? { status: 404, json: {} };
      if ('silent' in reply) {
        hanging.add(response);
        return;
      }
      if ('reset' in reply) {
        request.socket.destroy();
        return;
      }
      const isJson = 'json' in reply;
      response.writeHead(reply.status ?? 200, {
        'content-type': isJson ? 'application/json; charset=utf-8' : reply.contentType,
      });
      response.end(isJson ? JSON.stringify(reply.json) : Buffer.from(reply.bytes));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer: (path, reply) => { replies.set(path, reply); },
    close: () => new Promise<void>((resolve) => {
      for (const response of hanging) response.socket?.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
