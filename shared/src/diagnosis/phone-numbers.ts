// Always as many dots, so the mask does not tell how long the number was.
const DOTS = '•'.repeat(7);
const KEPT_DIGITS = 4;

// The names a number goes by: UltraMsg's `to` and `chatId`, its webhooks' `from`, and `phone`.
const PHONE_NAME = /^(?:to|from|phone(?:number)?|chatid)$/;
const NAME_SOURCE = String.raw`to|from|phone(?:[-_]?number)?|chat[-_]?id`;

// A number as UltraMsg takes it: 8 to 15 digits (E.164), a "+" (also URL-encoded) and
// WhatsApp's chat suffix allowed. A digits-only date or epoch in `to` is masked too: the safer
// mistake.
const CHAT_SOURCE = String.raw`((?:@|%40)(?:[cg]\.us|s\.whatsapp\.net))`;
const NUMBER_SOURCE = String.raw`(?:\+|%2B)?(\d{8,15})${CHAT_SOURCE}?`;
const NUMBER_END = String.raw`(?![\w@]|%40)`;
const WHOLE_NUMBER = new RegExp(`^${NUMBER_SOURCE}$`, 'i');

// to=…, to%3D…, "to":"…" (also escaped inside a JSON string, or a bare JSON number),
// util.inspect's to: '…' and Python's to='…'; a name starts as redact.ts's names do.
const NAMED_NUMBER = new RegExp(
  String.raw`(?<=^|[^\w.-]|%26|%3F)(\\?["']?)(${NAME_SOURCE})\1(\s*(?:[:=]|%3D)\s*)(\\?["']?)` +
  NUMBER_SOURCE + NUMBER_END,
  'gi',
);

// Unnamed, a number still shows it is a phone's by a leading "+" (E.164: 10 to 15 digits) or
// by WhatsApp's chat suffix; other runs of digits in prose (ids, epochs, amounts) stay.
const SELF_EVIDENT = new RegExp(
  String.raw`(?<![\w+%])(?:(?:\+|%2B)(\d{10,15})${CHAT_SOURCE}?|(\d{8,15})${CHAT_SOURCE})` +
  NUMBER_END,
  'gi',
);

/** True for a field or parameter that holds a phone number: to, from, phone, chatId. */
function isPhoneName(name: string): boolean {
  return PHONE_NAME.test(name.toLowerCase().replace(/[-_.\s]/g, ''));
}

/**
 * Masks the phone numbers that `to`, `from`, `phone` and `chatId` carry in URLs, form bodies,
 * JSON and printed objects, and those that need no name (`+52…`, `…@c.us`), keeping the last 4
 * digits so recipients can still be told apart.
 * @example maskPhoneNumbers('?to=5215512345678') // '?to=•••••••5678'
 */
export function maskPhoneNumbers(text: string): string {
  return maskNamed(text).replace(SELF_EVIDENT, (...parts: Array<string | undefined>) => {
    const [, plus = '', plusChat = '', chatDigits = '', chat = ''] = parts;
    return plus === '' ? `${masked(chatDigits)}${chat}` : `${masked(plus)}${plusChat}`;
  });
}

function maskNamed(text: string): string {
  return text.replace(NAMED_NUMBER, (...parts: Array<string | undefined>) => {
    const [, nameQuote = '', name = '', separator = '', valueQuote = '', digits = '', chat = '']
      = parts;
    // A bare JSON number becomes a string, so the JSON stays JSON.
    const added = valueQuote === '' ? nameQuote : '';
    const value = `${valueQuote}${added}${masked(digits)}${chat}${added}`;
    return `${nameQuote}${name}${nameQuote}${separator}${value}`;
  });
}

/** A phone-named field's value masked, or undefined when it is not a phone number. */
export function maskedPhoneField(name: string, value: unknown): string | undefined {
  if (!isPhoneName(name) || (typeof value !== 'string' && typeof value !== 'number')) {
    return undefined;
  }
  const number = WHOLE_NUMBER.exec(String(value));
  return number ? `${masked(number[1] ?? '')}${number[2] ?? ''}` : undefined;
}

function masked(digits: string): string {
  return `${DOTS}${digits.slice(-KEPT_DIGITS)}`;
}
