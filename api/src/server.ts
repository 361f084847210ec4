import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { createApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { startHttpServer } from './http-server.ts';
import { createLogger, errorFields } from './log.ts';
import { createRuntime } from './runtime.ts';
import { startWatcher } from './watcher/index.ts';
import { hasWebBuild, webRoutes } from './web-static.ts';

const distDir = fileURLToPath(new URL('../../web/dist', import.meta.url));

async function main(): Promise<void> {
  const config = readConfigOrExit();
  const log = createLogger({ level: config.logLevel, module: 'server' });
  const runtime = await createRuntime(config, log);
  const { deps } = runtime;

  const root = new Hono();
  root.route('/', createApp(deps));
  if (hasWebBuild(distDir)) root.route('/', webRoutes(distDir));
  else log.warn('server.no_web_build', { distDir, hint: 'run `npm run build` first' });

  const watcher = startWatcher(deps);
  const server = startHttpServer({ fetch: root.fetch, port: config.app.port, log }, (info) => {
    log.info('server.listening', { url: `http://localhost:${info.port}`, port: info.port });
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('server.stopping', { signal });
    await watcher.stop();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Idle keep-alive sockets (a phone left open) would otherwise hold close() for minutes.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    await closed;
    await runtime.close();
    log.info('server.stopped', {});
    process.exit(signal === 'listen_failed' ? 1 : 0);
  };
  server.on('error', (error) => {
    log.error('server.listen_failed', { ...errorFields(error), port: config.app.port });
    void shutdown('listen_failed');
  });
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

function readConfigOrExit() {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  createLogger({ module: 'server' }).error('server.failed_to_start', errorFields(error));
  process.exit(1);
});
