import { REDACTED } from './redacted.ts';

// Shorter values, plain lowercase words and scheme names are too often ordinary text
// ("include", "same-origin", "Bearer") to be hidden wherever they appear.
const MIN_LENGTH = 6;
const PLAIN_WORD = /^[a-z]+(?:[-_][a-z]+)*$/;
const PLAIN_WORD_MAX = 11;
const SCHEME_WORD = /^(?:bearer|basic|token|digest|negotiate)$/i;
// A value read from text may carry what closed it: "(token=abc123).", an escaped "\r\n".
const TRAILING = /(?:[.,:;)>\]]|\\[rnt])+$/;

/**
 * True when a secret value is distinctive enough to be hidden wherever else it appears: long
 * enough, and not an ordinary word that a secret-named field happened to hold.
 */
export function isEchoable(value: string): boolean {
  if (value.length < MIN_LENGTH || value.includes(REDACTED)) return false;
  if (SCHEME_WORD.test(value)) return false;
  return !(PLAIN_WORD.test(value) && value.length <= PLAIN_WORD_MAX);
}

/**
 * Hides every appearance of the given secret values: as they are, URL-encoded or decoded, and
 * escaped in JSON. A value is matched only where no letter or digit touches it, so it is never
 * found inside a longer word or id.
 */
export function hideEchoes(text: string, secrets: Iterable<string>): string {
  const forms = new Set<string>();
  for (const raw of secrets) {
    const secret = raw.replace(TRAILING, '');
    if (!isEchoable(secret)) continue;
    for (const form of [secret, encodeURIComponent(secret), decoded(secret)]) {
      if (isEchoable(form)) forms.add(form).add(JSON.stringify(form).slice(1, -1));
    }
  }
  // Longest first, so a secret holding a shorter one is hidden whole. Searched as plain text:
  // a regular expression of a 60 KB token is too large for V8 to compile.
  let hidden = text;
  for (const form of [...forms].sort((a, b) => b.length - a.length)) {
    hidden = hideWhole(hidden, form);
  }
  return hidden;
}

const WORD_CHAR = /[A-Za-z0-9]/;

/** `text` with each appearance of `value` that no letter or digit touches hidden. */
function hideWhole(text: string, value: string): string {
  let kept = '';
  let from = 0;
  let at = text.indexOf(value);
  while (at >= 0) {
    const end = at + value.length;
    const touched = WORD_CHAR.test(text.charAt(at - 1)) || WORD_CHAR.test(text.charAt(end));
    if (touched) {
      at = text.indexOf(value, at + 1);
      continue;
    }
    kept += text.slice(from, at) + REDACTED;
    from = end;
    at = text.indexOf(value, end);
  }
  return kept + text.slice(from);
}

/** The password part of HTTP Basic credentials (base64 of "user:password"), when it decodes. */
export function basicPassword(credentials: string): string | undefined {
  try {
    const pair = atob(credentials);
    const colon = pair.indexOf(':');
    // Credentials are printable text: anything else was not base64 of user:password.
    if (colon < 0 || /[^\x20-\x7e]/.test(pair)) return undefined;
    return pair.slice(colon + 1);
  } catch {
    return undefined; // not base64: nothing to decode
  }
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text; // a lone % is not an encoding: the text is its only form
  }
}
