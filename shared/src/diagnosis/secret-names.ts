// Found anywhere in a name once case and separators are dropped: accessToken, X-Auth-Token,
// mixPassword, PGPASSWORD, client-secret, x-api-key, Set-Cookie, X-Amz-Credential.
const SECRET_INSIDE = new RegExp([
  'token', 'secret', 'passw(?:or)?d', 'passphrase', 'pwd', 'apikey', 'authori[sz]ation',
  'cookie', 'credential', 'privatekey', 'sessionid', 'signature',
].join('|'));
// Short words that name a secret only standing alone: "pass" but not "passenger",
// "auth" but not "author".
const SECRET_WORDS = new Set(['pass', 'auth', 'pw']);
// Facts about a secret rather than the secret: token_type, tokenUri, passwordLength.
const ABOUT_A_SECRET = /(?:type|uri|url|endpoint|count|expiry|expires(?:at|in)?|ttl|length)$/;

/**
 * True when a field, header or parameter of this name holds a secret, whatever its case and
 * separators: `accessToken`, `X-Auth-Token`, `auth_token`, `pass`, `client-secret`.
 * @example isSecretName('refreshToken') // true; isSecretName('token_type') // false
 */
export function isSecretName(name: string): boolean {
  const joined = name.toLowerCase().replace(/[-_.\s]/g, '');
  if (ABOUT_A_SECRET.test(joined)) return false;
  if (SECRET_INSIDE.test(joined)) return true;
  return words(name).some((word) => SECRET_WORDS.has(word));
}

/** "smtpPass" → smtp, pass; "X-Auth" → x, auth; "DB_PASS" → db, pass. */
function words(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/);
}
