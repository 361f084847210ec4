import { maxRequestBytes } from '@turno/shared/api/limits';

/** What the page sends to be explained, and how much of the paste that is. */
export interface FittedText {
  text: string;
  /** Characters pasted, and characters sent; equal when the paste fits whole. */
  total: number;
  sent: number;
}

/** Where the middle of a paste too long to send was left out. */
export const CUT_MARK = '\n[…]\n';

// `{"text":""}` around the text, plus the cut mark, in JSON's bytes.
const ENVELOPE = 11;

/** Bytes one code point takes inside a JSON string, as `JSON.stringify` writes it in UTF-8. */
function jsonBytes(point: number): number {
  if (point === 0x22 || point === 0x5c) return 2; // \" and \\
  if (point < 0x20) return [0x08, 0x09, 0x0a, 0x0c, 0x0d].includes(point) ? 2 : 6;
  if (point < 0x80) return 1;
  if (point < 0x800) return 2;
  if (point >= 0xd800 && point <= 0xdfff) return 6; // a lone surrogate is written \udxxx
  return point < 0x10000 ? 3 : 4;
}

function bytesOf(text: string): number {
  let bytes = 0;
  for (const char of text) bytes += jsonBytes(char.codePointAt(0) ?? 0);
  return bytes;
}

/** The longest start of `text` within `budget` bytes, never half a surrogate pair. */
function head(text: string, budget: number): string {
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    bytes += jsonBytes(char.codePointAt(0) ?? 0);
    if (bytes > budget) break;
    end += char.length;
  }
  return text.slice(0, end);
}

/** The longest end of `text` within `budget` bytes, never half a surrogate pair. */
function tail(text: string, budget: number): string {
  let bytes = 0;
  let start = text.length;
  while (start > 0) {
    const low = text.charCodeAt(start - 1);
    const pair = low >= 0xdc00 && low <= 0xdfff && start > 1
      && text.charCodeAt(start - 2) >= 0xd800 && text.charCodeAt(start - 2) <= 0xdbff;
    const size = pair ? 2 : 1;
    bytes += jsonBytes(text.codePointAt(start - size) ?? 0);
    if (bytes > budget) break;
    start -= size;
  }
  return text.slice(start);
}

/**
 * The paste as the API can take it: whole when its JSON body fits `maxBytes`, else its start
 * and its end around a cut mark, where an error's message and its cause usually are (a dump
 * opens with the message; a log ends with the latest line).
 */
export function fitForDiagnosis(pasted: string, maxBytes = maxRequestBytes): FittedText {
  const total = pasted.length;
  // Each UTF-16 unit takes at least one byte: a paste this short may fit and is measured.
  if (total <= maxBytes - ENVELOPE && bytesOf(pasted) <= maxBytes - ENVELOPE) {
    return { text: pasted, total, sent: total };
  }
  const budget = maxBytes - ENVELOPE - bytesOf(CUT_MARK);
  const start = head(pasted, Math.floor(budget / 2));
  const end = tail(pasted.slice(start.length), budget - bytesOf(start));
  return { text: `${start}${CUT_MARK}${end}`, total, sent: start.length + end.length };
}
