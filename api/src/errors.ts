import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as z from 'zod';
import { errorCatalog, TurnoError, type ErrorBody, type ErrorCode } from '@turno/shared';
import { errorFields } from './log.ts';
import type { AppEnv, Logger } from './types.ts';

const byStatus: Partial<Record<number, ErrorCode>> = {
  400: 'bad_request', 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found',
  413: 'body_too_large',
};

/** Writes `{"error":{"code","message"}}` with the catalog's status. */
export function errorResponse(
  c: Context, code: ErrorCode, message?: string, details?: Record<string, unknown>,
): Response {
  const text = message ?? errorCatalog[code].message;
  const body: ErrorBody = { error: { code, message: text, ...(details ? { details } : {}) } };
  return c.json(body, errorCatalog[code].status as ContentfulStatusCode);
}

/** The one error handler: every failure of every route becomes a catalogued JSON answer. */
export function handleError(fallbackLog: Logger): ErrorHandler<AppEnv> {
  return (error, c) => {
    if (error instanceof TurnoError) {
      return errorResponse(c, error.code, error.message, error.details);
    }
    if (error instanceof z.ZodError) {
      return errorResponse(c, 'validation_failed', undefined, { issues: issuesOf(error) });
    }
    if (error instanceof HTTPException && error.status < 500) {
      const code = byStatus[error.status] ?? 'bad_request';
      return errorResponse(c, code);
    }
    const log = c.get('log') ?? fallbackLog;
    if (codeOf(error) === '22021') {
      // PostgreSQL refused bytes the request carried (U+0000 in a path segment, say): the
      // statement failed whole, so nothing was stored, and the fault is the input's.
      log.info('request.unstorable_text', { path: c.req.path });
      return errorResponse(c, 'bad_request');
    }
    if (clientGaveUp(c, error)) {
      // A phone that lost its signal mid-upload: nothing is wrong on this side.
      log.info('request.aborted', { path: c.req.path });
      return errorResponse(c, 'bad_request');
    }
    log.error('request.failed', { ...errorFields(error), path: c.req.path });
    return errorResponse(c, 'internal');
  };
}

/**
 * True when reading the body failed because the client left: the local server's request stream
 * ended early (`ECONNRESET`, "aborted"). A reset from anything else (a database, a provider)
 * stays a server error.
 */
function clientGaveUp(c: Context, error: unknown): boolean {
  const incoming = (c.env as { incoming?: { readableAborted?: boolean } } | undefined)?.incoming;
  return incoming?.readableAborted === true && codeOf(error) === 'ECONNRESET';
}

/** A Node or PostgreSQL error's `code`, when the thrown value has one. */
function codeOf(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

/** Unknown `/api` routes answer JSON too. */
export const notFound: NotFoundHandler<AppEnv> = (c) => errorResponse(c, 'not_found');

/** Field paths and messages only: never the rejected values, which may hold secrets. */
export function issuesOf(error: z.ZodError): Array<{ path: string; message: string }> {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}
