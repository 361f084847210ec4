/** What a character PostgreSQL cannot store becomes: U+FFFD, the replacement character. */
export const REPLACEMENT_CHARACTER = '\uFFFD';

// PostgreSQL text refuses NUL (22021) and jsonb its \u0000 escape; a lone surrogate is no UTF-8.
const UNSTORABLE =
  /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Replaces what a PostgreSQL text or jsonb value cannot hold with U+FFFD, so a stored error
 * that carries a NUL (a binary body, a C string) can be stored, returned and pushed.
 * @example storableText('bad\u0000byte') // 'bad\uFFFDbyte'
 */
export function storableText(text: string): string {
  return text.replace(UNSTORABLE, REPLACEMENT_CHARACTER);
}

/** The first `length` UTF-16 units, one fewer when the cut would split a surrogate pair. */
export function sliceWhole(text: string, length: number): string {
  const end = /[\uD800-\uDBFF]/.test(text.charAt(length - 1)) ? length - 1 : length;
  return text.slice(0, Math.max(0, end));
}
