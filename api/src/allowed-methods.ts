import type { Hono } from 'hono';
import { PatternRouter } from 'hono/router/pattern-router';
import type { AppEnv } from './types.ts';

/**
 * The methods an app's routes answer at a path, for a 405's `Allow` header. Middleware and
 * catch-alls (method `ALL`) are not routes of their own. The table is built on the group's first
 * request, once its routes are all in place.
 */
export function allowedMethods(app: Hono<AppEnv>): (path: string) => string[] {
  let router: PatternRouter<string> | undefined;
  return (path) => {
    router ??= routerOf(app);
    const [matches] = router.match('ANY', path);
    const methods = new Set(matches.map(([method]) => method));
    // Hono answers HEAD from the GET route.
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  };
}

function routerOf(app: Hono<AppEnv>): PatternRouter<string> {
  const router = new PatternRouter<string>();
  for (const route of app.routes) {
    if (route.method !== 'ALL') router.add('ANY', route.path, route.method);
  }
  return router;
}
