import { createMiddleware } from 'hono/factory';
import type { AppEnv, Logger } from './types.ts';

/** Gives each request a logger tagged with its id, and writes one line when it ends. */
export function accessLog(log: Logger) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    c.set('log', log.child('http', { requestId: c.var.requestId }));
    await next();

    const status = c.res.status;
    const line = {
      method: c.req.method,
      path: c.req.path,
      status,
      ms: Math.round(performance.now() - started),
      ...(c.var.principal ? { user: c.var.principal.user } : {}),
    };
    if (status >= 500) c.var.log.error('request.done', line);
    else c.var.log.info('request.done', line);
  });
}
