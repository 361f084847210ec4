import type { CardId, CategoryId, DiagnosisFacts } from './types.ts';

/** What the rules look at: the error's words with its codes, its facts and where it came from. */
export interface Signals {
  haystack: string;
  facts: DiagnosisFacts;
  /** The row comes from a MiX or Guardian function, so OAuth errors are the provider's. */
  telematics: boolean;
}

interface Rule {
  category: CategoryId;
  when: (signals: Signals) => boolean;
  /** Only where the category's usual card is not the right one. */
  card?: CardId;
}

/** What the rules decide: a cause, and a card when it is not the cause's usual one. */
export interface Classified {
  category: CategoryId;
  /** Null where the runbook has no card for this cause from this integration. */
  card?: CardId | null;
}

const has = (pattern: RegExp) => (s: Signals) => pattern.test(s.haystack);
const status = (test: (code: number) => boolean) => (s: Signals) =>
  s.facts.httpStatus !== undefined && test(s.facts.httpStatus);
const sqlState = (...codes: string[]) => (s: Signals) =>
  s.facts.errorCode !== undefined && codes.includes(s.facts.errorCode);
const any = (...tests: Array<(s: Signals) => boolean>) => (s: Signals) =>
  tests.some((test) => test(s));
const fromGoogle = (s: Signals) => s.facts.provider === 'google';
const fromUltraMsg = (s: Signals) => s.facts.provider === 'ultramsg';

const OAUTH_GRANT = /invalid_grant|Token has been expired or revoked/i;
const MIX_AUTHORISATION = /Authori[sz]ation error/i;
const CONNECT_FAILURE = /\b(ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN)\b/;
const databaseSocket = (s: Signals) =>
  (s.facts.port === 5432 || s.facts.provider === 'postgres') && CONNECT_FAILURE.test(s.haystack);

/** Most specific first: the first rule that holds names the cause. */
export const rules: Rule[] = [
  { category: 'whatsapp-unpaid', when: has(/Stopped due to non-payment/i) },
  { category: 'whatsapp-config', when: has(/Wrong token|Instance not found/i) },
  {
    category: 'whatsapp-logged-out',
    when: any(
      (s) => ['qr', 'standby'].includes(s.facts.accountStatus?.toLowerCase() ?? ''),
      // An /instance/status body cut short, or quoted inside another message.
      has(/"status"\s*:\s*"(?:qr|standby)"/i),
      has(/WhatsApp not connected/i),
    ),
  },
  {
    category: 'database-disk-full',
    when: any(has(/could not extend file|No space left on device/i), sqlState('53100')),
  },
  { category: 'database-deadlock', when: any(has(/deadlock detected/i), sqlState('40P01')) },
  {
    category: 'database-too-many-connections',
    when: any(
      has(/too many clients|remaining connection slots are reserved/i),
      sqlState('53300'),
    ),
  },
  {
    category: 'database-statement-timeout',
    when: any(has(/canceling statement due to statement timeout/i), sqlState('57014')),
  },
  // pg-pool's own wait: every client is checked out; the database itself may be fine.
  { category: 'database-pool-exhausted', when: has(/timeout exceeded when trying to connect/i) },
  {
    category: 'database-auth-failed',
    when: any(has(/password authentication failed/i), sqlState('28P01')),
  },
  {
    category: 'database-unreachable',
    when: any(
      has(/Connection terminated|terminating connection due to administrator command/i),
      has(/the database system is (starting up|shutting down|in recovery mode)/i),
      has(/connection error and is not queryable/i),
      sqlState('57P01', '57P02', '57P03', '08001', '08006'),
      databaseSocket,
    ),
  },
  {
    category: 'gmail-saturated',
    when: any(
      has(/User-rate limit exceeded|Daily user sending (quota|limit) exceeded|\b5\.4\.5\b/i),
      has(/dailyLimitExceeded|Quota exceeded for quota metric|Resource has been exhausted/i),
      (s) => fromGoogle(s) && (s.facts.httpStatus === 429 || /rateLimitExceeded/.test(s.haystack)),
    ),
  },
  // The official MiX client wraps token failures as "Authorisation error: …", also when the
  // OAuth error inside it is Google's word (invalid_grant).
  {
    category: 'provider-unauthorized',
    card: '2.2',
    when: (s) => MIX_AUTHORISATION.test(s.haystack) && !fromGoogle(s),
  },
  // MiX's identity server answers bad credentials with the same OAuth error Google uses.
  {
    category: 'provider-unauthorized',
    card: '2.2',
    when: (s) => OAUTH_GRANT.test(s.haystack) && s.telematics && !fromGoogle(s),
  },
  {
    category: 'gmail-token',
    when: any(
      has(OAUTH_GRANT),
      has(/invalid_client|insufficient authentication scopes/i),
      // Gmail's 403 without a quota reason (caught above): the token lacks a scope or consent.
      (s) => fromGoogle(s) && [401, 403].includes(s.facts.httpStatus ?? 0),
      (s) => fromGoogle(s) && /Invalid Credentials/i.test(s.haystack),
    ),
  },
  // UltraMsg's SDK reads a 404 as "instance not found or pending".
  {
    category: 'whatsapp-config',
    when: (s) => fromUltraMsg(s) && [401, 403, 404].includes(s.facts.httpStatus ?? 0),
  },
  { category: 'provider-forbidden', when: status((code) => code === 403) },
  { category: 'provider-unauthorized', when: status((code) => code === 401) },
  { category: 'provider-rate-limited', when: status((code) => code === 429) },
  { category: 'provider-server-error', when: status((code) => code >= 500 && code <= 599) },
  {
    category: 'provider-timeout',
    when: any(has(/\btimeout of \d+\s*ms\b/i), has(/\b(ECONNABORTED|ETIMEDOUT)\b/)),
  },
  {
    category: 'provider-unreachable',
    when: any(
      has(/\b(ECONNREFUSED|ENOTFOUND|ECONNRESET|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EPIPE)\b/),
      has(/socket hang up|Network Error/i),
    ),
  },
];

/**
 * The first rule that holds, or `unclassified`. A timeout, 429 or 5xx of UltraMsg or Google
 * keeps its cause but not the telematics card (5.1 pauses a sync Lambda): no card fits it.
 */
export function classify(signals: Signals): Classified {
  const rule = rules.find((candidate) => candidate.when(signals));
  if (!rule) return { category: 'unclassified' };
  if (rule.category.startsWith('provider-') && (fromGoogle(signals) || fromUltraMsg(signals))) {
    return { category: rule.category, card: null };
  }
  return rule.card ? { category: rule.category, card: rule.card } : { category: rule.category };
}
