import { secretsIn } from './known-secrets.ts';
import { maskedPhoneField } from './phone-numbers.ts';
import { REDACTED, redact } from './redact.ts';
import { isSecretName } from './secret-names.ts';
import { storableText } from './storable-text.ts';

const MAX_DEPTH = 12;
// Inside a secret object (axios `auth`, a service account) these still say who, not how.
const IDENTITY = /^(?:user(?:name)?|login|email|type)$/i;

/**
 * Returns a copy of any value (an axios `toJSON()` dump, a response body, a log context) with
 * secret fields replaced and every string passed through {@link redact}; a secret held in one
 * field (an Authorization header) is hidden in every other one that repeats it. An Error becomes
 * its name, code and redacted message. Never mutates its input.
 */
export function redactValue(value: unknown, known: readonly string[] = secretsIn(value)): unknown {
  return walk(value, 0, { path: new WeakSet(), known }, false);
}

interface Walk {
  /** The objects above the current one: only these make a loop. */
  path: WeakSet<object>;
  known: readonly string[];
}

function walk(value: unknown, depth: number, state: Walk, secret: boolean): unknown {
  const { path } = state;
  if (typeof value === 'string') return secret ? hide(value) : redact(value, state.known);
  if (typeof value === 'number' || typeof value === 'bigint') return secret ? REDACTED : value;
  if (value === null || typeof value !== 'object') return value;
  if (path.has(value) || depth > MAX_DEPTH) return REDACTED;
  if (value instanceof Error) return errorSummary(value, state.known);
  if (value instanceof Date) return value;
  // A URL or a Buffer is written as its toJSON(): redact that, not its empty own fields.
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    return walk(toJSON.call(value) as unknown, depth + 1, state, secret);
  }
  path.add(value);
  const copy = Array.isArray(value)
    ? value.map((item) => walk(item, depth + 1, state, secret))
    : walkFields(value as Record<string, unknown>, depth, state, secret);
  // Only the objects above this one count as a loop; the same object twice is not one.
  path.delete(value);
  return copy;
}

function walkFields(
  value: Record<string, unknown>, depth: number, state: Walk, secret: boolean,
): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const hidden = secret ? !IDENTITY.test(key) : isSecretName(key);
    const phone = hidden ? undefined : maskedPhoneField(key, item);
    copy[storableText(key)] = phone ?? walk(item, depth + 1, state, hidden);
  }
  return copy;
}

function hide(secret: string): string {
  // Keep the scheme so a reader still sees which kind of credential was sent.
  const scheme = /^(Bearer|Basic|Token)\s+/i.exec(secret);
  return scheme ? `${scheme[0]}${REDACTED}` : REDACTED;
}

function errorSummary(error: Error, known: readonly string[]): Record<string, string> {
  const code = (error as { code?: unknown }).code;
  return {
    error: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    message: redact(error.message, known),
  };
}
