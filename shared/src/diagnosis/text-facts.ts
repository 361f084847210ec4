import type { DiagnosisFacts } from './types.ts';

const NODE_CODES = [
  'ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'ECONNABORTED',
  'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE',
];
const NODE_CODE = new RegExp(`\\b(${NODE_CODES.join('|')})\\b`);
const ADDRESS =
  /\b(?:ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)\s+\[?([\w.:-]+?)\]?:(\d{1,5})\b/;
const DNS_HOST = /\b(?:ENOTFOUND|EAI_AGAIN)\s+([\w.-]+)/;
const STATUS = /\bstatus code (\d{3})\b/;
// The request URL axios and UltraMsg's own messages quote: its host says who answered.
const URL_IN_TEXT = /\bhttps?:\/\/[^\s"'<>]+/i;
// Without "exceeded" too: stored text is sometimes cut short.
const TIMEOUT = /\btimeout of (\d+)\s*ms\b/i;
// Gmail puts the time only in the text, after two spaces: "…exceeded.  Retry after <ISO>".
const RETRY_AFTER = /\bRetry after (\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)/i;

/** Facts the error's own words carry: status, Node error code, host and port, waits. */
export function factsFromText(text: string): DiagnosisFacts {
  const facts: DiagnosisFacts = {};
  const status = STATUS.exec(text);
  if (status?.[1]) facts.httpStatus = Number(status[1]);
  const code = NODE_CODE.exec(text);
  if (code?.[1]) facts.errorCode = code[1];
  const urlHost = hostOf(URL_IN_TEXT.exec(text)?.[0]);
  if (urlHost) facts.host = urlHost;
  const provider = providerOfHost(urlHost);
  if (provider) facts.provider = provider;
  const timeout = TIMEOUT.exec(text);
  if (timeout?.[1]) facts.timeoutMs = Number(timeout[1]);
  const address = ADDRESS.exec(text);
  if (address?.[1] && address[2]) {
    facts.host = address[1];
    facts.port = Number(address[2]);
  }
  const dns = DNS_HOST.exec(text);
  if (dns?.[1]) facts.host = dns[1];
  const retry = RETRY_AFTER.exec(text);
  const retryAt = retry?.[1] ? new Date(retry[1]) : null;
  if (retryAt && !Number.isNaN(retryAt.getTime())) facts.retryAfter = retryAt.toISOString();
  return facts;
}

/** The host of a request URL, or undefined when the text is not a URL. */
export function hostOf(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined; // a relative or cut-short URL: the host is simply not known
  }
}

/** Which integration a host belongs to, from the base URLs the platform calls. */
export function providerOfHost(host: string | undefined): DiagnosisFacts['provider'] {
  if (!host) return undefined;
  if (/(^|\.)ultramsg\.com$/i.test(host)) return 'ultramsg';
  if (/(^|\.)(googleapis|google)\.com$/i.test(host)) return 'google';
  if (/mixtelematics\.com$/i.test(host)) return 'mix';
  return undefined;
}
