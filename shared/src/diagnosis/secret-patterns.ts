import { REDACTED } from './redacted.ts';

// Credentials recognised by their own shape, with no name in front. Each prefix is one its
// issuer chose to be searched for, so ordinary words and row ids never match.
const BARE: readonly RegExp[] = [
  // Google OAuth access tokens; service accounts' start "ya29.c." and carry more dots.
  /\bya29\.(?=[\w.-]{8})[\w-]+(?:\.[\w-]+)*/g,
  // Google OAuth client secrets.
  /\bGOCSPX-[\w-]{4,}/g,
  // Google API keys: 39 characters, shorter only when the text was cut.
  /\bAIza[\w-]{30,}/g,
  // Google refresh tokens.
  /(?<![\w/])1\/\/0[\w-]{8,}/g,
  // Stripe-style secret and restricted keys.
  /\b[rs]k_(?:live|test)_[0-9A-Za-z]{8,}/g,
  // GitHub and Slack tokens.
  /\b(?:gh[pousr]_[0-9A-Za-z]{20,}|github_pat_\w{20,}|xox[abeprs]-[\w-]{10,})/g,
  // JWTs (also JWEs and ones cut short): base64url JSON headers all start "eyJ".
  /\beyJ[\w-]{5,}(?:\.[\w-]*){0,4}/g,
];

// An AWS access key id, and the 40-character secret key when it follows within a few
// separators (a CSV line, "id:secret", two quoted strings); a lone 40-character run is too
// often a SHA-1 to be hidden by itself.
const AWS_KEY =
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b(?:([^\w/+\r\n]{1,6})([A-Za-z0-9/+]{40})(?![\w/+=]))?/g;

/** Hides well-known credentials by their shape, adding each one hidden to `found`. */
export function hideBareSecrets(text: string, found: string[]): string {
  let out = text.replace(AWS_KEY, (match: string, gap?: string, secretKey?: string) => {
    found.push(match.slice(0, 20));
    if (gap === undefined || secretKey === undefined) return REDACTED;
    found.push(secretKey);
    return `${REDACTED}${gap}${REDACTED}`;
  });
  for (const pattern of BARE) {
    out = out.replace(pattern, (secret: string) => {
      found.push(secret);
      return REDACTED;
    });
  }
  return out;
}
