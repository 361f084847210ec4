import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { Duplex } from 'node:stream';
import type { ServerType } from '@hono/node-server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorCatalog } from '@turno/shared';
import { createApp } from './app.ts';
import { answerClientError, startHttpServer } from './http-server.ts';
import { createLogger, type LogSink } from './log.ts';
import { createTestDeps, signIn, type TestDeps } from './testing/index.ts';

let deps: TestDeps | undefined;
let server: ServerType | undefined;

afterEach(async () => {
  if (server && 'closeAllConnections' in server) server.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
  await deps?.close();
  deps = undefined;
});

/** Turno's whole app on Node's HTTP server, on a free port, with its log lines recorded. */
async function start() {
  const lines: Array<Record<string, unknown>> = [];
  const raw: string[] = [];
  const sink: LogSink = (line) => {
    raw.push(line);
    lines.push(JSON.parse(line) as Record<string, unknown>);
  };
  const log = createLogger({ sink, level: 'debug' });
  deps = await createTestDeps({ log });
  const app = createApp(deps);
  const token = await signIn(app);
  const port = await new Promise<number>((resolve) => {
    server = startHttpServer({ fetch: app.fetch, port: 0, hostname: '127.0.0.1', log },
      (info: AddressInfo) => resolve(info.port));
  });
  const clientErrors = () => lines.filter((line) => line.event === 'http.client_error');
  return { url: `http://127.0.0.1:${port}`, port, raw, lines, token, clientErrors };
}

/** Sends bytes as they are and reads the whole answer, which Node's own client would refuse. */
function rawExchange(
  port: number, request: string, { endAfterWrite = false } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(request);
      // Half-closes: a client that sent part of a body and gave up.
      if (endAfterWrite) socket.end();
    });
    let answer = '';
    socket.on('data', (chunk: Buffer) => { answer += chunk.toString(); });
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('the HTTP server, for what Node refuses before the app', () => {
  it('answers a 20 KB header with 431 request_too_large in Turno\'s JSON shape', async () => {
    const { url, raw, clientErrors } = await start();
    const token = 'a'.repeat(20_000);

    const response = await fetch(`${url}/api/alerts`, {
      headers: { authorization: `Bearer ${token}` },
    });

    expect(response.status).toBe(431);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({
      error: { code: 'request_too_large', message: errorCatalog.request_too_large.message },
    });
    expect(clientErrors()).toEqual([expect.objectContaining({
      level: 'info', module: 'http', nodeCode: 'HPE_HEADER_OVERFLOW', status: 431,
    })]);
    expect(raw.join('\n')).not.toContain('aaaaaaaa');
  });

  it('answers a URL over the limit the same way', async () => {
    const { url } = await start();

    const response = await fetch(`${url}/api/alerts?q=${'x'.repeat(20_000)}`);

    expect(response.status).toBe(431);
    expect(await response.json()).toMatchObject({ error: { code: 'request_too_large' } });
  });

  it('answers a request that is not HTTP with 400 bad_request in JSON', async () => {
    const { port, clientErrors } = await start();

    const answer = await rawExchange(port, 'HELLO there\r\n\r\n');

    const [head = '', body = ''] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(head).toContain('Content-Type: application/json');
    expect(JSON.parse(body)).toEqual({
      error: { code: 'bad_request', message: errorCatalog.bad_request.message },
    });
    expect(clientErrors()).toHaveLength(1);
  });

  it.each([
    ['a bad chunk size', 'ZZ\r\nabc\r\n'],
    ['a body cut off by the client', '5\r\n{"tex'],
  ])('logs an upload that fails on %s as the client\'s doing, not a server error',
    async (_name, body) => {
      const { port, lines, token } = await start();

      await rawExchange(port, [
        'POST /api/diagnose HTTP/1.1', 'Host: 127.0.0.1', `Authorization: Bearer ${token}`,
        'Content-Type: application/json', 'Transfer-Encoding: chunked', 'Connection: close',
        '', body,
      ].join('\r\n'), { endAfterWrite: true });
      const done = () => lines.find((line) =>
        line.event === 'request.done' && line.path === '/api/diagnose');
      await vi.waitFor(() => expect(done()).toBeDefined());

      expect(done()).toMatchObject({ status: 400 });
      expect(lines.filter((line) => line.level === 'error')).toEqual([]);
    });

  it.each([
    ['no Host at all', 'GET /api/health HTTP/1.1\r\nConnection: close\r\n\r\n'],
    ['no Host in HTTP/1.0', 'GET /api/health HTTP/1.0\r\n\r\n'],
    ['a Host with a space', 'GET /api/health HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n'],
  ])('answers a request with %s with 400 bad_request in JSON', async (_name, request) => {
    const { port } = await start();

    const answer = await rawExchange(port, request);

    const [head = '', body = ''] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.[01] 400 /);
    expect(head.toLowerCase()).toContain('content-type: application/json');
    expect(JSON.parse(body)).toMatchObject({ error: { code: 'bad_request' } });
  });

  it('still serves an ordinary request', async () => {
    const { url, clientErrors } = await start();

    const response = await fetch(`${url}/api/health`);

    expect(response.status).toBe(200);
    expect(clientErrors()).toEqual([]);
  });
});

describe('answerClientError, for a socket it cannot answer on', () => {
  function recorded() {
    const lines: Array<Record<string, unknown>> = [];
    const log = createLogger({ sink: (line) => lines.push(JSON.parse(line)), level: 'debug' });
    return { lines, answer: answerClientError(log) };
  }
  const nodeError = (code: string) => Object.assign(new Error(code), { code });

  /** A socket that keeps what is written to it. */
  function socketKeeping(written: unknown[]): Duplex {
    return new Duplex({
      read: () => undefined,
      write: (chunk, _encoding, done) => { written.push(chunk); done(); },
    });
  }

  it.each([
    ['a connection the client reset', 'ECONNRESET', false],
    ['a socket no longer writable', 'HPE_HEADER_OVERFLOW', true],
  ])('destroys %s, writing nothing and logging one line', (_name, code, ended) => {
    const { lines, answer } = recorded();
    const written: unknown[] = [];
    const socket = socketKeeping(written);
    if (ended) socket.end();
    socket.on('error', () => undefined);

    answer(nodeError(code), socket);

    expect(socket.destroyed).toBe(true);
    expect(written).toEqual([]);
    expect(lines).toEqual([expect.objectContaining({
      level: 'debug', event: 'http.client_error', nodeCode: code, answered: false,
    })]);
  });
});
