import net from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL that can play a frozen Lambda container: after `freeze()`
 * nothing the server sends on the open connections reaches the client, and the client's next
 * write is answered with a reset, as a NAT or RDS that dropped an idle connection does.
 * Connections opened after `freeze()` pass through normally.
 */
export interface FreezingProxy {
  /** The target URL with host and port pointing at the proxy. */
  url: string;
  freeze(): void;
  /** Resolves once the server has closed every connection that was frozen. */
  frozenUpstreamsClosed(): Promise<void>;
  close(): Promise<void>;
}

interface Pair {
  client: net.Socket;
  upstream: net.Socket;
  frozen: boolean;
  upstreamClosed: Promise<void>;
}

export async function startFreezingProxy(targetUrl: string): Promise<FreezingProxy> {
  const target = new URL(targetUrl);
  const pairs = new Set<Pair>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    const upstreamClosed = new Promise<void>((resolve) => upstream.once('close', () => resolve()));
    const pair: Pair = { client, upstream, frozen: false, upstreamClosed };
    pairs.add(pair);

    upstream.on('data', (chunk) => {
      if (!pair.frozen) client.write(chunk);
    });
    client.on('data', (chunk) => {
      if (pair.frozen) client.resetAndDestroy();
      else upstream.write(chunk);
    });
    upstream.on('close', () => {
      if (!pair.frozen) client.end();
    });
    client.on('close', () => {
      upstream.destroy();
      pairs.delete(pair);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(address.port);

  return {
    url: url.toString(),
    freeze() {
      for (const pair of pairs) pair.frozen = true;
    },
    async frozenUpstreamsClosed() {
      await Promise.all([...pairs].filter((pair) => pair.frozen).map((p) => p.upstreamClosed));
    },
    async close() {
      for (const pair of pairs) pair.client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
