import { fromObject } from './extract-object.ts';
import { factsFromText } from './text-facts.ts';
import type { DiagnosisFacts } from './types.ts';

/** A stored error once parsed: the words to show, facts, and codes that help classify it. */
export interface ExtractedError {
  /** The error's own words, not yet redacted nor shortened. */
  text: string;
  facts: DiagnosisFacts;
  /** Names, codes and reasons that are not part of the text but tell causes apart. */
  hints: string[];
}

const MAX_DEPTH = 5;
const MAX_ITEMS = 5;

/**
 * Reads any `json_data` value (a JSON string, a parsed body, an axios or pg error dump, text cut
 * short, null) into its text and facts. Never throws.
 */
export function extractError(value: unknown): ExtractedError {
  try {
    return fromValue(value, 0);
  } catch {
    // Exotic inputs (throwing getters, proxies) still get an answer: an empty, unclassified text.
    return { text: '', facts: {}, hints: [] };
  }
}

function fromValue(value: unknown, depth: number): ExtractedError {
  if (value === null || value === undefined) return plain('');
  if (typeof value === 'string') return fromString(value, depth);
  if (typeof value === 'number') return fromNumber(value);
  if (typeof value === 'boolean' || typeof value === 'bigint') return plain(String(value));
  if (typeof value !== 'object' || depth > MAX_DEPTH) return plain('');
  if (Array.isArray(value)) return fromArray(value, depth);
  return fromObject(value as Record<string, unknown>, (inner) => fromValue(inner, depth + 1));
}

function plain(text: string): ExtractedError {
  return { text, facts: factsFromText(text), hints: [] };
}

function fromNumber(value: number): ExtractedError {
  const found = plain(String(value));
  // A bare number in json_data is, in practice, the HTTP status the provider answered.
  if (Number.isInteger(value) && value >= 100 && value <= 599) found.facts.httpStatus = value;
  return found;
}

function fromString(raw: string, depth: number): ExtractedError {
  const text = raw.trim();
  if (!/^["{[]/.test(text) || depth > MAX_DEPTH) return plain(text);
  try {
    return fromValue(JSON.parse(text), depth + 1);
  } catch {
    return salvage(text);
  }
}

function fromArray(items: unknown[], depth: number): ExtractedError {
  const parts = items.slice(0, MAX_ITEMS).map((item) => fromValue(item, depth + 1));
  const facts: DiagnosisFacts = {};
  for (const part of [...parts].reverse()) Object.assign(facts, part.facts);
  return {
    text: parts.map((part) => part.text).filter(Boolean).join('; '),
    facts,
    hints: parts.flatMap((part) => part.hints),
  };
}

const FIELD = (name: string) => new RegExp(`"${name}"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)`);
const CODE = /"code"\s*:\s*"?([\w-]+)/;
const STATUS = /"status(?:Code)?"\s*:\s*(\d{3})\b/;
// UltraMsg's account states that mean WhatsApp is logged out, as /instance/status writes them.
const ACCOUNT_STATUS = /"status"\s*:\s*"(qr|standby)"(?:\s*,\s*"substatus"\s*:\s*"(\w+)")?/i;

/** JSON cut short by a column limit: keep what can be read of it. */
function salvage(text: string): ExtractedError {
  if (text.startsWith('"')) return plain(unescapeJson(text.slice(1).replace(/"$/, '')));
  const account = ACCOUNT_STATUS.exec(text);
  if (account?.[1]) return salvagedAccount(account[1], account[2]);
  const message = FIELD('message').exec(text)?.[1] ?? FIELD('error').exec(text)?.[1];
  const described = FIELD('error_description').exec(text)?.[1];
  const words = [message, described].filter((part) => part !== undefined).map(unescapeJson);
  const found = plain(words.length > 0 ? words.join(': ') : text);
  const code = CODE.exec(text)?.[1];
  if (code) {
    found.facts.errorCode ??= code;
    found.hints.push(code);
  }
  const status = STATUS.exec(text)?.[1];
  if (status) found.facts.httpStatus ??= Number(status);
  return found;
}

function salvagedAccount(status: string, substatus: string | undefined): ExtractedError {
  const facts: DiagnosisFacts = { provider: 'ultramsg', accountStatus: status };
  if (substatus) facts.accountSubstatus = substatus;
  const text = substatus ? `status: ${status}, substatus: ${substatus}` : `status: ${status}`;
  return { text, facts, hints: [] };
}

function unescapeJson(text: string): string {
  return text.replace(/\\(["\\/])/g, '$1').replace(/\\n/g, '\n').replace(/\\t/g, '\t');
}
