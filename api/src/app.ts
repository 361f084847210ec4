import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { maxRequestBytes } from '@turno/shared';
import { accessLog } from './access-log.ts';
import { configuredVerifier } from './auth/configured-verifier.ts';
import { requireAuth } from './auth/middleware.ts';
import { allowedMethods } from './allowed-methods.ts';
import { errorResponse, handleError, notFound } from './errors.ts';
import { routeGroups, type RouteGroup } from './route-groups.ts';
import type { AppDeps, AppEnv } from './types.ts';
import { recordUsers } from './users/record-users.ts';

/** What an unknown segment gets: no routes, so the token check and then 404 not_found. */
const noRoutes: RouteGroup = { open: [], guarded: [] };

/**
 * The whole API under `/api`: public health, client config, dev sign-in and VAPID key, then
 * everything else behind a bearer token. The local server and the Lambda handler both serve
 * this app. Each group of routes (`/api/<segment>/…`, route-groups.ts) is imported on its
 * first request and served by an app of its own with the same middleware, error handler and
 * 404, as if it were this app holding only that group: a request can only match routes of
 * its own segment.
 */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const auth = requireAuth(deps.tokens ?? configuredVerifier(deps));
  const loaded = new Map<string, Promise<Hono<AppEnv>>>();
  const groupApp = (path: string): Promise<Hono<AppEnv>> => {
    const segment = segmentOf(path);
    let app = loaded.get(segment);
    if (!app) {
      const load = routeGroups.get(segment) ?? (async () => noRoutes);
      app = load().then((group) => servingGroup(deps, segment, group, auth));
      loaded.set(segment, app);
      // A failed import is tried again by the next request.
      app.catch(() => loaded.delete(segment));
    }
    return app;
  };

  const app = new Hono<AppEnv>();
  // First, so the middleware below runs once: the group's app has its own.
  app.all('/api/*', async (c) => (await groupApp(c.req.path)).fetch(c.req.raw, c.env));
  // Paths outside /api (the PWA's files, which server.ts mounts after this app) are tagged too.
  app.use('*', requestId());
  app.use('*', accessLog(deps.log));
  app.onError(handleError(deps.log));
  app.notFound(notFound);
  return app;
}

/** The route group a path belongs to; unknown ones share '', so made-up paths add no entry. */
function segmentOf(path: string): string {
  const asked = path.split('/')[2] ?? '';
  return routeGroups.has(asked) ? asked : '';
}

/**
 * Starts importing the routes that will serve `path`, so a Lambda container loads them while
 * it waits on its secrets and database; the request that follows finds them loaded.
 */
export function preloadRoutes(path: string): void {
  // A failure is the request's to report, when it imports them again.
  routeGroups.get(segmentOf(path))?.().catch(() => undefined);
}

/**
 * One group's app: 405 with `Allow` for a known path asked with another method, its open
 * routes, the token check, its guarded routes, then 404.
 */
function servingGroup(
  deps: AppDeps, segment: string, group: RouteGroup, auth: MiddlewareHandler<AppEnv>,
): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requestId());
  app.use('*', accessLog(deps.log));
  app.use('/api/*', bodyLimit({ maxSize: maxRequestBytes }));
  app.onError(handleError(deps.log));
  app.notFound(notFound);
  const methodsAt = allowedMethods(app);

  const api = new Hono<AppEnv>();
  // Before the token check, so `POST /api/health` says 405 rather than "sign in".
  api.use('*', async (c, next) => {
    // No name Turno knows holds U+0000, and PostgreSQL's text cannot store it.
    if (c.req.path.includes('\u0000')) return errorResponse(c, 'bad_request');
    const allowed = methodsAt(c.req.path);
    const asked = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    if (allowed.length === 0 || allowed.includes(asked)) return next();
    c.header('Allow', allowed.join(', '));
    return errorResponse(c, 'method_not_allowed');
  });
  for (const routes of group.open) api.route(`/${segment}`, routes(deps));
  api.use('*', auth);
  api.use('*', recordUsers(deps));
  for (const routes of group.guarded) api.route(`/${segment}`, routes(deps));
  api.all('*', notFound);
  app.route('/api', api);
  return app;
}
