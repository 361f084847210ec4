import { randomUUID } from 'node:crypto';
import { Agent, createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as ece from 'http_ece';
import { selfSignedCertificate } from './certificate.ts';
import { fakeBrowserSubscription, type FakeBrowserSubscription } from './fake-browser.ts';
import { verifyVapid, type VapidClaims } from './vapid-check.ts';

/** A message the service accepted, decrypted as the browser would see it. */
export interface ReceivedPush {
  id: string;
  headers: { ttl: string | undefined; urgency: string | undefined; topic: string | undefined };
  payload: unknown;
  vapid: VapidClaims;
}

/** A request the service turned away, and why (bad VAPID, undecryptable body, …). */
export interface RejectedPush {
  id: string;
  status: number;
  reason: string;
}

export type ScriptedAnswer =
  | { status: 403 | 404 | 410 | 500 }
  | { status: 429; retryAfter?: string };

export interface PushService {
  origin: string;
  /** Give it to the sender: it trusts this service's self-signed certificate. */
  agent: Agent;
  /** That certificate (PEM), for a process that must trust it (NODE_EXTRA_CA_CERTS). */
  ca: string;
  received: ReceivedPush[];
  rejected: RejectedPush[];
  /** A new fake browser subscription whose endpoint is on this service. */
  subscribe(): FakeBrowserSubscription & { id: string };
  /** From now on answer `id` with this status (null: accept again). */
  answer(id: string, answer: ScriptedAnswer | null): void;
  close(): Promise<void>;
}

/** A local HTTPS push service (RFC 8030) that checks VAPID and decrypts aes128gcm bodies. */
export async function startPushService(): Promise<PushService> {
  const { key, cert } = await selfSignedCertificate();
  const subscriptions = new Map<string, FakeBrowserSubscription>();
  const scripted = new Map<string, ScriptedAnswer>();
  const received: ReceivedPush[] = [];
  const rejected: RejectedPush[] = [];
  let origin = '';

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const id = /^\/push\/([\w-]+)$/.exec(req.url ?? '')?.[1] ?? '';
    const body = await readBody(req);
    const reject = (status: number, reason: string): void => {
      rejected.push({ id, status, reason });
      res.writeHead(status).end(reason);
    };

    const sub = subscriptions.get(id);
    if (req.method !== 'POST' || !sub) return reject(404, 'no such subscription');
    const answer = scripted.get(id);
    if (answer) {
      const retry = answer.status === 429 && answer.retryAfter;
      res.writeHead(answer.status, retry ? { 'Retry-After': retry } : {}).end();
      return;
    }
    if (req.headers.ttl === undefined) return reject(400, 'TTL header missing');
    if (req.headers['content-encoding'] !== 'aes128gcm') return reject(415, 'not aes128gcm');

    let vapid: VapidClaims;
    try {
      vapid = await verifyVapid(req.headers.authorization, origin);
    } catch (error) {
      return reject(403, `VAPID: ${(error as Error).message}`);
    }
    let payload: unknown;
    try {
      const plain = ece.decrypt(body, {
        version: 'aes128gcm', privateKey: sub.ecdh, authSecret: sub.authSecret,
      });
      payload = JSON.parse(plain.toString('utf8'));
    } catch (error) {
      return reject(400, `decrypt: ${(error as Error).message}`);
    }

    const headers = {
      ttl: single(req.headers.ttl),
      urgency: single(req.headers.urgency),
      topic: single(req.headers.topic),
    };
    received.push({ id, headers, payload, vapid });
    res.writeHead(201, { Location: `${origin}/message/${randomUUID()}` }).end();
  };

  const server: Server = createServer({ key, cert }, (req, res) => {
    handle(req, res).catch((error: Error) => {
      rejected.push({ id: '', status: 500, reason: error.message });
      res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const agent = new Agent({ ca: cert, keepAlive: false });

  return {
    origin,
    agent,
    ca: cert,
    received,
    rejected,
    subscribe() {
      const id = randomUUID();
      const sub = fakeBrowserSubscription(`${origin}/push/${id}`);
      subscriptions.set(id, sub);
      return { ...sub, id };
    },
    answer(id, answer) {
      if (answer) scripted.set(id, answer);
      else scripted.delete(id);
    },
    async close() {
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
