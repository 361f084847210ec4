import { REDACTED } from './redacted.ts';

// Credentials recognised by their own shape, with no name in front. Each prefix is one its
// issuer chose to be searched for, so ordinary words and row ids never match. Each must also
// start clean (see startsClean): left unanchored here, V8 scans for the prefix itself.
const BARE: readonly RegExp[] = [
  // Google OAuth access tokens; service accounts' start "ya29.c." and carry more dots.
  /ya29\.(?=[\w.-]{8})[\w-]+(?:\.[\w-]+)*/g,
  // Google OAuth client secrets.
  /GOCSPX-[\w-]{4,}/g,
  // Google API keys: 39 characters, shorter only when the text was cut.
  /AIza[\w-]{30,}/g,
  // Google refresh tokens.
  /(?<![\w/])1\/\/0[\w-]{8,}/g,
  // Stripe-style secret and restricted keys.
  /[rs]k_(?:live|test)_[0-9A-Za-z]{8,}/g,
  // GitHub and Slack tokens.
  /(?:gh[pousr]_[0-9A-Za-z]{20,}|github_pat_\w{20,}|xox[abeprs]-[\w-]{10,})/g,
  // JWTs (also JWEs and ones cut short): base64url JSON headers all start "eyJ".
  /eyJ[\w-]{5,}(?:\.[\w-]*){0,4}/g,
];

// An AWS access key id, and the 40-character secret key when it follows within a few
// separators (a CSV line, "id:secret", two quoted strings); a lone 40-character run is too
// often a SHA-1 to be hidden by itself.
const AWS_KEY =
  /(?:AKIA|ASIA)[0-9A-Z]{16}\b(?:([^\w/+\r\n]{1,6})([A-Za-z0-9/+]{40})(?![\w/+=]))?/g;

/** Hides well-known credentials by their shape, adding each one hidden to `found`. */
export function hideBareSecrets(text: string, found: string[]): string {
  const aws = (match: string, gap: string | undefined, secretKey: string | undefined,
    at: number, whole: string): string => {
    if (!startsClean(whole, at)) return match;
    found.push(match.slice(0, 20));
    if (gap === undefined || secretKey === undefined) return REDACTED;
    found.push(secretKey);
    return `${REDACTED}${gap}${REDACTED}`;
  };
  let out = text.replace(AWS_KEY, aws);
  for (const pattern of BARE) {
    out = out.replace(pattern, (secret: string, at: number, whole: string) => {
      if (!startsClean(whole, at)) return secret;
      found.push(secret);
      return REDACTED;
    });
  }
  return out;
}

// What URLs and JSON turn a separator into, ending in a letter or digit: %3D, \u003d, \n.
const ESCAPED_SEPARATOR = /(?:%[\dA-Fa-f]{2}|\\(?:[nrt]|u[\dA-Fa-f]{4}|x[\dA-Fa-f]{2}))$/;

/**
 * True when no letter or digit touches the credential found at `at`, or only the end of an
 * escaped separator does (key%3DAIza…, key\u003dAIza…, "key:\nAIza…").
 */
function startsClean(text: string, at: number): boolean {
  if (!/\w/.test(text.charAt(at - 1))) return true;
  return ESCAPED_SEPARATOR.test(text.slice(Math.max(0, at - 6), at));
}
