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
  if (forms.size === 0) return text;
  // Longest first, so a secret holding a shorter one is hidden whole.
  const alternatives = [...forms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const echo = new RegExp(`(?<![A-Za-z0-9])(?:${alternatives.join('|')})(?![A-Za-z0-9])`, 'g');
  return text.replace(echo, REDACTED);
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
