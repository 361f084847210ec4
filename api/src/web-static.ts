import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

const immutable = 'public, max-age=31536000, immutable';

/**
 * Serves the built PWA: hashed files under /assets/ cached for a year, everything else
 * (index.html, sw.js, the manifest, icons) revalidated so an update reaches phones at once.
 * Paths without a file extension fall back to index.html for the client-side router.
 */
export function webRoutes(distDir: string): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    if (c.res.status !== 200 || c.req.path.startsWith('/api/')) return;
    c.res.headers.set('Cache-Control', c.req.path.startsWith('/assets/') ? immutable : 'no-cache');
  });
  app.get('*', serveStatic({ root: distDir }));

  const index = serveStatic({ root: distDir, path: 'index.html' });
  app.get('*', async (c, next) => {
    const last = c.req.path.split('/').at(-1) ?? '';
    if (c.req.path.startsWith('/api/') || last.includes('.')) return next();
    return index(c, next);
  });
  return app;
}

export function hasWebBuild(distDir: string): boolean {
  return existsSync(join(distDir, 'index.html'));
}
