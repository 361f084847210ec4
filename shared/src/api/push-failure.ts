/**
 * Why a push to one device failed, in kinds the PWA can say in words. The API stores a short
 * reason per device ("push service answered 403", a Node error code such as ENOTFOUND, "rate
 * limited until …"); these kinds are what the person reading Ajustes needs from it.
 */
export const pushFailureKinds = [
  'unreachable', 'timeout', 'insecure', 'key-rejected', 'expired', 'refused',
  'service-error', 'rate-limited', 'unknown',
] as const;
export type PushFailureKind = (typeof pushFailureKinds)[number];

const unreachable = new Set([
  'ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH',
  'EHOSTDOWN', 'ENETDOWN', 'EPIPE',
]);
const timeout = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ECONNABORTED']);
const insecure = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|SELF_SIGNED|DEPTH_ZERO_|HOSTNAME_MISMATCH)/;

/** The kind of a stored push failure reason; `unknown` for anything else. */
export function pushFailureKind(reason: string): PushFailureKind {
  const text = reason.trim();
  if (text.startsWith('rate limited')) return 'rate-limited';
  const status = /^push service answered (\d{3})$/.exec(text)?.[1];
  if (status) return statusKind(Number(status));
  if (unreachable.has(text)) return 'unreachable';
  if (timeout.has(text)) return 'timeout';
  if (insecure.test(text)) return 'insecure';
  return 'unknown';
}

function statusKind(status: number): PushFailureKind {
  // 401/403: the push service does not accept our VAPID key for this subscription.
  if (status === 401 || status === 403) return 'key-rejected';
  if (status === 404 || status === 410) return 'expired';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'service-error';
  return 'refused';
}
