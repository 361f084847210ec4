import { basicPassword, isEchoable } from './echoes.ts';
import { secretsOfText } from './redact.ts';
import { isSecretName } from './secret-names.ts';

const MAX_DEPTH = 12;
const SCHEME = /^(Bearer|Basic|Token)\s+/i;

/**
 * The secret values a dump holds (its Authorization header, `auth.password`, `params.token`,
 * a token in its URL, a JWT in its text), so that {@link redact} can hide them wherever else
 * they appear, such as a provider echoing the token in `response.data`. Only values distinctive
 * enough to search for are returned. Parses JSON strings; never throws.
 * @example secretsIn({ config: { headers: { Authorization: 'Bearer t0k3n42' } } }) // ['t0k3n42']
 */
export function secretsIn(value: unknown): string[] {
  const found = new Set<string>();
  try {
    collect(value, 0, false, new WeakSet(), found);
  } catch {
    // Throwing getters or proxies: keep what was found before them.
  }
  return [...found].filter(isEchoable);
}

function collect(
  value: unknown, depth: number, secret: boolean, seen: WeakSet<object>, found: Set<string>,
): void {
  if (depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    collectText(value, depth, secret, seen, found);
    return;
  }
  if (typeof value === 'number' || typeof value === 'bigint') {
    if (secret) found.add(String(value));
    return;
  }
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (value instanceof Error) {
    collect(value.message, depth + 1, false, seen, found);
    return;
  }
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    collect(toJSON.call(value) as unknown, depth + 1, secret, seen, found);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) collect(item, depth + 1, secret, seen, found);
    return;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    collect(item, depth + 1, isSecretName(key), seen, found);
  }
}

function collectText(
  text: string, depth: number, secret: boolean, seen: WeakSet<object>, found: Set<string>,
): void {
  if (secret) {
    const scheme = SCHEME.exec(text);
    const credential = scheme ? text.slice(scheme[0].length).trim() : text;
    found.add(credential);
    const password = scheme?.[1]?.toLowerCase() === 'basic' ? basicPassword(credential) : null;
    if (password) found.add(password);
  }
  for (const inText of secretsOfText(text)) found.add(inText);
  const parsed = parseJson(text);
  if (parsed !== undefined) collect(parsed, depth + 1, false, seen, found);
}

/** A JSON object or array kept as text (json_data, an axios `config.data`), else undefined. */
function parseJson(text: string): unknown {
  const trimmed = text.trim();
  if (!/^[[{"]/.test(trimmed)) return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined; // cut short or not JSON: its text was already searched
  }
}
