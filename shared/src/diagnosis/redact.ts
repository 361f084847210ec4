/** What a secret is replaced with: readable, and never mistaken for a value. */
export const REDACTED = '[redacted]';

// Names whose value is a secret, in the spellings seen in URLs, form bodies, JSON and headers.
const KEYS = [
  'password', 'passwd', 'pwd', 'token', 'access_token', 'refresh_token', 'id_token',
  'client_secret', 'secret', 'api_key', 'apikey', 'api-key', 'x-api-key',
  'proxy-authorization', 'authorization', 'cookie', 'set-cookie', 'pgpassword',
  'aws_secret_access_key', 'secret_access_key', 'aws_session_token', 'private_key',
].join('|');

const NOT_DONE = '(?!\\[redacted\\])';
// Either the scheme is kept out of the secret, or there is none: never take "Bearer" as the value.
const SCHEME = '(?:(?:Bearer|Basic|Token)\\s+|(?!(?:Bearer|Basic|Token)\\s))';

// "password":"x" in JSON, also when that JSON sits escaped inside a JSON string (\"password\").
const QUOTED = new RegExp(
  `((?:^|[^\\w-])(?:\\\\?")?(?:${KEYS})(?:\\\\?")\\s*:\\s*\\\\?"${SCHEME})${NOT_DONE}[^"\\\\]+`,
  'gi',
);
// token=x in URLs (also URL-encoded, token%3Dx) and form bodies, "Authorization: Bearer x" in
// header dumps, libpq key=value.
const PLAIN = new RegExp(
  `((?:^|[^\\w-])(?:${KEYS})\\s*(?:[:=]|%3D)\\s*${SCHEME})${NOT_DONE}(?:(?!%26)[^\\s&,;"'}\\]])+`,
  'gi',
);
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^:@/\s"']+:)(?!\[redacted\])[^@\s"'/]+@/gi;
const BEARER = /(\bBearer\s+)(?!\[redacted\])[A-Za-z0-9\-._~+/]{8,}=*/g;
// Basic credentials are base64: a digit, a capital or padding tells them apart from prose.
const BASIC = /(\bBasic\s+)(?!\[redacted\])(?=[A-Za-z0-9+/]*[0-9A-Z+/=])[A-Za-z0-9+/]{8,}=*/g;
const JWT = /\beyJ[A-Za-z0-9_-]{5,}(?:\.[A-Za-z0-9_-]*){0,2}/g;

/**
 * Replaces secrets in an error's text with `[redacted]`, keeping the rest readable.
 * @example redact('GET /instance1/messages?token=abc&to=1') // '…?token=[redacted]&to=1'
 */
export function redact(text: string): string {
  return text
    .replace(URL_PASSWORD, `$1${REDACTED}@`)
    .replace(QUOTED, `$1${REDACTED}`)
    .replace(PLAIN, `$1${REDACTED}`)
    .replace(BEARER, `$1${REDACTED}`)
    .replace(BASIC, `$1${REDACTED}`)
    .replace(JWT, REDACTED);
}

const SECRET_KEY = new RegExp(`^(?:${KEYS})$`, 'i');
const MAX_DEPTH = 12;

/**
 * Returns a copy of any value (an axios `toJSON()` dump, a response body) with secret fields
 * replaced and every string passed through {@link redact}. Never mutates its input.
 */
export function redactValue(value: unknown): unknown {
  return walk(value, 0, new WeakSet());
}

function walk(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redact(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value) || depth > MAX_DEPTH) return REDACTED;
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => walk(item, depth + 1, seen));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = SECRET_KEY.test(key) ? hide(item) : walk(item, depth + 1, seen);
  }
  return copy;
}

function hide(secret: unknown): string {
  // Keep the scheme so a reader still sees which kind of credential was sent.
  const scheme = typeof secret === 'string' ? /^(Bearer|Basic|Token)\s+/i.exec(secret) : null;
  return scheme ? `${scheme[0]}${REDACTED}` : REDACTED;
}
