import { basicPassword, hideEchoes } from './echoes.ts';
import { maskPhoneNumbers } from './phone-numbers.ts';
import { REDACTED } from './redacted.ts';
import { hideBareSecrets } from './secret-patterns.ts';
import { isSecretName } from './secret-names.ts';
import { storableText } from './storable-text.ts';

export { REDACTED } from './redacted.ts';

const NOT_DONE = '(?!\\[redacted\\])';
// Either the scheme is kept out of the secret, or there is none: never take "Bearer" as the value.
const SCHEME = '(?:(?:Bearer|Basic|Token)\\s+|(?!(?:Bearer|Basic|Token)\\s))';
const NAME_START = '(?<=^|[^\\w.-]|%26|%3F)';

// "password":"x" or "pin":1234 in JSON, also when that JSON sits escaped inside a JSON string
// (\"password\"), or lost its opening quote when the text was cut.
const QUOTED = new RegExp(
  `((?:^|[^\\w.-])(\\\\?")?([A-Za-z][\\w.-]*)\\\\?"\\s*:\\s*)` +
  `(?:(\\\\?"${SCHEME})${NOT_DONE}([^"\\\\]+)|(-?\\d[\\d.eE+-]*))`,
  'gi',
);
// util.inspect and JavaScript literals: { 'x-api-key': 'k', Authorization: 'Bearer t' },
// Python's password='x'. The value's own quote ends it; escaped quotes stay inside.
const INSPECTED = new RegExp(
  `${NAME_START}(['"]?)([A-Za-z][\\w.-]*)\\1(\\s*[:=]\\s*)(['"])(${SCHEME})${NOT_DONE}` +
  `((?:(?!\\4)[^\\\\\\r\\n]|\\\\.)+)\\4`,
  'gi',
);
// token=x in URLs (also URL-encoded, token%3Dx) and form bodies, "X-Auth-Token: x" in header
// dumps, libpq key=value. Only the name and its separator are matched: the value is read after.
const PLAIN = new RegExp(`${NAME_START}([A-Za-z][\\w.-]*)(\\s*(?:[:=]|%3D)\\s*${SCHEME})`, 'gi');
// An object or list printed after the name ("auth: { …") has its own names to judge.
const VALUE = /(?![{[])(?:(?!%26|\\")[^\s&,;"'}\]])+/y;
// A Cookie header holds many name=value pairs, all of them secret: hide to the end of the line.
const COOKIE_VALUE = /[^\r\n"\\]+/y;

const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^:@/\s"']+:)(?!\[redacted\])([^@\s"'/]+)@/gi;
const BEARER = /(\bBearer\s+)(?!\[redacted\])([A-Za-z0-9\-._~+/]{8,}=*)/g;
// Basic credentials are base64: a digit, a capital or padding tells them apart from prose.
const BASIC =
  /(\bBasic\s+)(?!\[redacted\])((?=[A-Za-z0-9+/]*[0-9A-Z+/=])[A-Za-z0-9+/]{8,}=*)/g;
// A key cut short ends where its JSON string ends.
const PRIVATE_KEY =
  /(-----BEGIN ([A-Z ]*)PRIVATE KEY-----)[^"]*?(?:-----END \2PRIVATE KEY-----|(?=\\?")|$)/g;

/**
 * Replaces secrets in an error's text with `[redacted]`, keeping the rest readable. A name is
 * secret by the words in it (see {@link isSecretName}); well-known credentials (Google, AWS,
 * Stripe, JWTs) are recognised by their shape. A secret found once is hidden wherever else the
 * text repeats it, as are the `known` values (see `secretsIn`), such as the dump's own headers.
 * A recipient's phone number (`to`, `phone`, `chatId`) keeps only its last 4 digits.
 * What PostgreSQL cannot store (NUL) becomes U+FFFD first (see {@link storableText}).
 * @example redact('GET /instance1/messages?token=abc&to=5215512345678')
 * // '…?token=[redacted]&to=•••••••5678'
 */
export function redact(text: string, known: readonly string[] = []): string {
  return maskPhoneNumbers(redactFinding(hideEchoes(storableText(text), known)).text);
}

/** The secret values {@link redact} would hide in a text, for hiding their echoes elsewhere. */
export function secretsOfText(text: string): string[] {
  return redactFinding(text).found;
}

function redactFinding(text: string): { text: string; found: string[] } {
  const found: string[] = [];
  const hide = (head: string, secret: string, tail = ''): string => {
    found.push(secret);
    return `${head}${REDACTED}${tail}`;
  };
  const quoted = text
    .replace(PRIVATE_KEY, `$1${REDACTED}`)
    .replace(URL_PASSWORD, (_m, head: string, secret: string) => hide(head, secret, '@'))
    .replace(QUOTED, (...parts: Array<string | undefined>) => hideQuoted(parts, found))
    .replace(INSPECTED, (...parts: Array<string | undefined>) => hideInspected(parts, found));
  const out = hidePlain(quoted, found)
    .replace(BEARER, (_m, head: string, secret: string) => hide(head, secret))
    .replace(BASIC, (_m, head: string, secret: string) => {
      const password = basicPassword(secret);
      if (password) found.push(password);
      return hide(head, secret);
    });
  const bare = hideBareSecrets(out, found);
  return { text: hideEchoes(bare, found), found };
}

function hideQuoted(parts: Array<string | undefined>, found: string[]): string {
  const [match = '', head = '', opening, name = '', stringStart, secret, number] = parts;
  if (!isSecretName(name)) return match;
  if (number !== undefined) {
    found.push(number);
    const quote = opening ?? '"';
    return `${head}${quote}${REDACTED}${quote}`;
  }
  if (secret !== undefined) found.push(secret);
  return `${head}${stringStart ?? ''}${REDACTED}`;
}

function hideInspected(parts: Array<string | undefined>, found: string[]): string {
  const [match = '', nameQuote = '', name = '', separator = '', quote = '', scheme = '', value]
    = parts;
  if (!isSecretName(name) || value === undefined) return match;
  found.push(value);
  return `${nameQuote}${name}${nameQuote}${separator}${quote}${scheme}${REDACTED}${quote}`;
}

// Values are read after each name rather than matched with it, so a name that is not secret
// never swallows a secret inside its value (url=https://…?token=x).
function hidePlain(text: string, found: string[]): string {
  let out = '';
  let from = 0;
  for (const match of text.matchAll(PLAIN)) {
    const name = match[1] ?? '';
    const start = (match.index ?? 0) + match[0].length;
    if (start < from || !isSecretName(name) || text.startsWith(REDACTED, start)) continue;
    const cookie = /cookie/i.test(name);
    const value = cookie ? COOKIE_VALUE : VALUE;
    value.lastIndex = start;
    if (!value.exec(text)) continue;
    if (!cookie) found.push(text.slice(start, value.lastIndex));
    out += text.slice(from, start) + REDACTED;
    from = value.lastIndex;
  }
  return out + text.slice(from);
}
