/**
 * `"error_description": "…"` as UP's Lambdas store it: in Google's JSON answer, or inside an
 * error dump that quoted that answer again (`\"error_description\":\"…\"`).
 */
const described = /\\*"error_description\\*"\s*:\s*\\*"((?:[^"\\]|\\[^"])*)\\*"/;
// What extractError makes of a dead token's answer: `invalid_grant: Token has been …`.
const extracted = /\binvalid_grant: ([^;\n]+)/;
const longest = 300;

/**
 * Google's own words for an OAuth failure ("Token has been expired or revoked.") found in an
 * error's text, so an alert opened from Sync_error rows says what a probe would. The text is
 * the raw answer or what `extractError` made of it (`invalid_grant: Token has been …`).
 */
export function oauthDescription(text: string): string | null {
  const quoted = described.exec(text)?.[1];
  const words = quoted === undefined
    ? extracted.exec(text)?.[1]
    : quoted.replace(/\\+([\\/])/g, '$1').replace(/\\[nt]/g, ' ');
  const trimmed = words?.trim() ?? '';
  return trimmed === '' ? null : trimmed.slice(0, longest);
}
