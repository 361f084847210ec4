import type { ExtractedError } from './extract.ts';
import { factsFromText, hostOf, providerOfHost } from './text-facts.ts';
import type { DiagnosisFacts } from './types.ts';

type Dict = Record<string, unknown>;
type Nested = (value: unknown) => ExtractedError;

const isDict = (value: unknown): value is Dict =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;
const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/** An object from `json_data`: a provider's body or an error dump, recognised by its shape. */
export function fromObject(body: Dict, nested: Nested): ExtractedError {
  const found =
    accountStatus(body) ?? errorBody(body, nested) ?? sendResult(body) ??
    errorDump(body, nested) ?? { text: stringify(body), facts: {}, hints: [] };
  found.facts = { ...factsFromText(found.text), ...found.facts };
  return found;
}

/** UltraMsg `/instance/status`: `{"status":{"accountStatus":{"status","substatus"}}}`. */
function accountStatus(body: Dict): ExtractedError | undefined {
  const nested = isDict(body.status) ? body.status.accountStatus : body.accountStatus;
  // One client also handles a flat {"status":"qr"}; a numeric status is HTTP, not UltraMsg.
  const plainStatus = str(body.status) && !('message' in body) && !('error' in body);
  const flat: Dict | undefined = plainStatus ? { status: body.status } : undefined;
  const account = isDict(nested) ? nested : flat;
  const status = str(account?.status);
  if (!account || !status) return undefined;
  const substatus = str(account.substatus);
  const text = substatus ? `status: ${status}, substatus: ${substatus}` : `status: ${status}`;
  const facts: DiagnosisFacts = { provider: 'ultramsg', accountStatus: status };
  if (substatus) facts.accountSubstatus = substatus;
  return { text, facts, hints: [] };
}

/** `{"error": …}`: UltraMsg (string or list of field errors), OAuth, or Google's JSON errors. */
function errorBody(body: Dict, nested: Nested): ExtractedError | undefined {
  const { error } = body;
  if (typeof error === 'string') {
    const description = str(body.error_description);
    return { text: description ? `${error}: ${description}` : error, facts: {}, hints: [] };
  }
  if (Array.isArray(error)) {
    const text = error.map(fieldError).filter(Boolean).join(', ');
    return { text, facts: { provider: 'ultramsg' }, hints: [] };
  }
  if (!isDict(error)) return undefined;
  const reasons = Array.isArray(error.errors) ? error.errors.filter(isDict) : [];
  const hints = [str(error.status), ...reasons.map((item) => str(item.reason))]
    .filter((hint): hint is string => hint !== undefined);
  const facts: DiagnosisFacts = { provider: 'google' };
  const status = num(error.code);
  if (status !== undefined) facts.httpStatus = status;
  const message = str(error.message) ?? hints[0] ?? nested(error).text;
  return { text: message, facts, hints };
}

function fieldError(item: unknown): string {
  if (typeof item === 'string') return item;
  if (!isDict(item)) return '';
  return Object.entries(item).map(([field, why]) => `${field} ${String(why)}`).join(', ');
}

/** UltraMsg `messages/chat` answers HTTP 200 with `{"sent":"false","message":…}` on failure. */
function sendResult(body: Dict): ExtractedError | undefined {
  if (!('sent' in body) || String(body.sent) === 'true') return undefined;
  const message = str(body.message);
  const text = message ? `sent: false, ${message}` : 'sent: false';
  return { text, facts: { provider: 'ultramsg' }, hints: [] };
}

/** An axios `toJSON()` dump, a pg `DatabaseError`, or any `Error` serialised with its fields. */
function errorDump(body: Dict, nested: Nested): ExtractedError | undefined {
  const message = str(body.message);
  const code = str(body.code) ?? str(body.errno);
  if (message === undefined && code === undefined) return undefined;
  const facts: DiagnosisFacts = {};
  if (code) facts.errorCode = code;
  const response = isDict(body.response) ? body.response : undefined;
  const status = num(body.status) ?? num(body.statusCode) ?? num(response?.status);
  if (status !== undefined) facts.httpStatus = status;
  const config = isDict(body.config) ? body.config : undefined;
  const host = hostOf(config?.url) ?? hostOf(config?.baseURL);
  if (host) facts.host = host;
  facts.provider = providerOfHost(host);
  // node-postgres errors carry a severity and a five-character SQLSTATE.
  if (str(body.severity) && code && /^[0-9A-Z]{5}$/.test(code)) facts.provider = 'postgres';
  if (facts.provider === undefined) delete facts.provider;
  const hints = [code, str(body.name)].filter((hint): hint is string => Boolean(hint));
  const data = response && 'data' in response ? nested(response.data) : undefined;
  if (data) hints.push(...data.hints);
  const words = [message || subMessages(body.errors) || code || str(body.name), data?.text];
  return { text: words.filter(Boolean).join(' — '), facts, hints };
}

/** Node's AggregateError leaves `message` empty and the reasons in `errors[]` (axios#6721). */
function subMessages(errors: unknown): string {
  if (!Array.isArray(errors)) return '';
  return errors.map((item) => (isDict(item) ? str(item.message) : str(item)) ?? '')
    .filter(Boolean).join('; ');
}

function stringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return ''; // cycles or BigInt: nothing readable to show
  }
}
