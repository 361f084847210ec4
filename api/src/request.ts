import type { Context } from 'hono';
import * as z from 'zod';
import { TurnoError, type ErrorCode } from '@turno/shared';
import { issuesOf } from './errors.ts';

const maxBigint = 2n ** 63n - 1n;

/** A bigserial row id in a query string (a `before` cursor): digits that fit a bigint. */
export const rowIdParam = z.string().refine(
  (id) => /^\d{1,19}$/.test(id) && BigInt(id) <= maxBigint, { message: 'must be a row id' },
);

/** Codes of their own for some fields, so the PWA can say what is wrong with that one. */
export type FieldCodes = Partial<Record<string, ErrorCode>>;

/**
 * Parses the JSON body against a schema: 400 `invalid_json` when it is not JSON, 400
 * `validation_failed` (or the code given, or the failing field's in `fields`) when it does not
 * fit.
 */
export async function readJson<T extends z.ZodType>(
  c: Context, schema: T, code: ErrorCode = 'validation_failed', fields: FieldCodes = {},
): Promise<z.infer<T>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new TurnoError('invalid_json');
  }
  const nul = nulPath(body);
  if (nul !== undefined) {
    // PostgreSQL's text cannot hold U+0000: refused here, before anything acts on it.
    throw new TurnoError(code, undefined, {
      issues: [{ path: nul, message: 'must not contain the NUL character (U+0000)' }],
    });
  }
  return check(schema, body, code, fields);
}

interface Visit {
  value: unknown;
  key: string;
  parent: Visit | undefined;
}

/**
 * Where in a parsed JSON body a string (or a key) holds U+0000, as a dotted path. A loop, not
 * recursion: 64 KB of `[` nests deeper than the call stack goes; each entry points to its
 * parent, so paths are spelled out only for the one found.
 */
function nulPath(body: unknown): string | undefined {
  const pending: Visit[] = [{ value: body, key: '', parent: undefined }];
  for (let visit = pending.pop(); visit; visit = pending.pop()) {
    const { value } = visit;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return pathOf(visit);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        const child = { value: item, key: key.replaceAll('\u0000', ''), parent: visit };
        if (key.includes('\u0000')) return pathOf(child);
        pending.push(child);
      }
    }
  }
  return undefined;
}

function pathOf(visit: Visit): string {
  const keys: string[] = [];
  for (let at: Visit | undefined = visit; at?.parent; at = at.parent) keys.push(at.key);
  return keys.reverse().join('.');
}

/**
 * Parses the query string against a schema; 400 `validation_failed` when it does not fit and
 * 400 `query_parameter_repeated` for `?state=open&state=resolved`, rather than use one of them.
 */
export function readQuery<T extends z.ZodType>(c: Context, schema: T): z.infer<T> {
  const all = c.req.queries();
  const repeated = Object.keys(all).filter((name) => (all[name]?.length ?? 0) > 1);
  if (repeated.length > 0) {
    throw new TurnoError('query_parameter_repeated', undefined, { parameters: repeated });
  }
  return check(schema, c.req.query(), 'validation_failed');
}

function check<T extends z.ZodType>(
  schema: T, value: unknown, code: ErrorCode, fields: FieldCodes = {},
): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = issuesOf(parsed.error);
  const own = issues.map((issue) => fields[issue.path]).find((field) => field !== undefined);
  throw new TurnoError(own ?? code, undefined, { issues });
}
