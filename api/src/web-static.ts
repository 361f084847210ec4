import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

const immutable = 'public, max-age=31536000, immutable';

/**
 * Serves the built PWA: hashed files under /assets/ cached for a year, everything else
 * (index.html, sw.js, the manifest, icons) revalidated so an update reaches phones at once.
 * Page loads fall back to index.html for the client-side router; a page load is a path
 * without an extension or a request for HTML (card routes such as /guias/4.1 have a dot).
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
    const page = !last.includes('.') || (c.req.header('accept') ?? '').includes('text/html');
    if (c.req.path.startsWith('/api/') || !page) return next();
    return index(c, next);
  });
  return app;
}

export function hasWebBuild(distDir: string): boolean {
  return existsSync(join(distDir, 'index.html'));
}
