import { isSecretName } from './secret-names.ts';
import { storableText } from './storable-text.ts';

/** What a secret is replaced with: readable, and never mistaken for a value. */
export const REDACTED = '[redacted]';

const NOT_DONE = '(?!\\[redacted\\])';
// Either the scheme is kept out of the secret, or there is none: never take "Bearer" as the value.
const SCHEME = '(?:(?:Bearer|Basic|Token)\\s+|(?!(?:Bearer|Basic|Token)\\s))';
// A name in a URL, a form body, a header dump or libpq text, also after an encoded & or ?.
const NAME = '(?<=^|[^\\w.-]|%26|%3F)([A-Za-z][\\w.-]*)';

// "password":"x" or "pin":1234 in JSON, also when that JSON sits escaped inside a JSON string
// (\"password\"), or lost its opening quote when the text was cut.
const QUOTED = new RegExp(
  `((?:^|[^\\w.-])(\\\\?")?([A-Za-z][\\w.-]*)\\\\?"\\s*:\\s*)` +
  `(?:(\\\\?"${SCHEME})${NOT_DONE}[^"\\\\]+|(-?\\d[\\d.eE+-]*))`,
  'gi',
);
// token=x in URLs (also URL-encoded, token%3Dx) and form bodies, "X-Auth-Token: x" in header
// dumps, libpq key=value. Only the name and its separator are matched: the value is read after.
const PLAIN = new RegExp(`${NAME}(\\s*(?:[:=]|%3D)\\s*${SCHEME})`, 'gi');
const VALUE = /(?:(?!%26|\\")[^\s&,;"'}\]])+/y;
// A Cookie header holds many name=value pairs, all of them secret: hide to the end of the line.
const COOKIE_VALUE = /[^\r\n"\\]+/y;

const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^:@/\s"']+:)(?!\[redacted\])[^@\s"'/]+@/gi;
const BEARER = /(\bBearer\s+)(?!\[redacted\])[A-Za-z0-9\-._~+/]{8,}=*/g;
// Basic credentials are base64: a digit, a capital or padding tells them apart from prose.
const BASIC = /(\bBasic\s+)(?!\[redacted\])(?=[A-Za-z0-9+/]*[0-9A-Z+/=])[A-Za-z0-9+/]{8,}=*/g;
const JWT = /\beyJ[A-Za-z0-9_-]{5,}(?:\.[A-Za-z0-9_-]*){0,2}/g;
// Google API keys travel as ?key=, a name too common to hide by itself.
const GOOGLE_API_KEY = /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g;
// A key cut short ends where its JSON string ends.
const PRIVATE_KEY =
  /(-----BEGIN ([A-Z ]*)PRIVATE KEY-----)[^"]*?(?:-----END \2PRIVATE KEY-----|(?=\\?")|$)/g;

/**
 * Replaces secrets in an error's text with `[redacted]`, keeping the rest readable. A name is
 * secret by the words in it (see {@link isSecretName}), whatever its case or separators.
 * What PostgreSQL cannot store (NUL) becomes U+FFFD first (see {@link storableText}).
 * @example redact('GET /instance1/messages?token=abc&to=1') // '…?token=[redacted]&to=1'
 */
export function redact(text: string): string {
  const quoted = storableText(text)
    .replace(PRIVATE_KEY, `$1${REDACTED}`)
    .replace(URL_PASSWORD, `$1${REDACTED}@`)
    .replace(QUOTED, hideQuoted);
  return hidePlain(quoted)
    .replace(BEARER, `$1${REDACTED}`)
    .replace(BASIC, `$1${REDACTED}`)
    .replace(JWT, REDACTED)
    .replace(GOOGLE_API_KEY, REDACTED);
}

function hideQuoted(
  match: string, head: string, opening: string | undefined, name: string,
  stringStart: string | undefined, number: string | undefined,
): string {
  if (!isSecretName(name)) return match;
  if (number !== undefined) {
    const quote = opening ?? '"';
    return `${head}${quote}${REDACTED}${quote}`;
  }
  return `${head}${stringStart ?? ''}${REDACTED}`;
}

// Values are read after each name rather than matched with it, so a name that is not secret
// never swallows a secret inside its value (url=https://…?token=x).
function hidePlain(text: string): string {
  let out = '';
  let from = 0;
  for (const match of text.matchAll(PLAIN)) {
    const name = match[1] ?? '';
    const start = (match.index ?? 0) + match[0].length;
    if (start < from || !isSecretName(name) || text.startsWith(REDACTED, start)) continue;
    const value = /cookie/i.test(name) ? COOKIE_VALUE : VALUE;
    value.lastIndex = start;
    if (!value.exec(text)) continue;
    out += text.slice(from, start) + REDACTED;
    from = value.lastIndex;
  }
  return out + text.slice(from);
}
