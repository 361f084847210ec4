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
// by WhatsApp's chat suffix (an old group's id is its creator's number, "-" and a time); other
// runs of digits in prose (ids, epochs, amounts) stay.
const SELF_EVIDENT = new RegExp(
  String.raw`(?<![\w+%])(?:(?:\+|%2B)(\d{10,15})${CHAT_SOURCE}?|(\d{8,15})` +
  String.raw`((?:-\d{6,12})?(?:@|%40)(?:[cg]\.us|s\.whatsapp\.net)))` +
  NUMBER_END,
  'gi',
);

// A number written for people: "+52 55 1234 5678", "(55) 1234-5678", "55-1234-5678". Named and
// quoted, it is a phone's when it starts with "+" or "(" or its name is phone or chatId (a `to`
// or `from` of "2024-03-02" is a date); unnamed, when it starts with "+" and groups its digits.
const WRITTEN_SOURCE = String.raw`[+(]?\d[\d\s().-]{6,24}\d`;
const NAMED_WRITTEN = new RegExp(
  String.raw`(?<=^|[^\w.-]|%26|%3F)(\\?["']?)(${NAME_SOURCE})\1(\s*[:=]\s*)(\\?["'])` +
  String.raw`(${WRITTEN_SOURCE})\4`,
  'gi',
);
// Groups apart by a space (also the no-break ones apps copy), a dot or a dash.
const GROUPED_PLUS = /(?<![\w+])\+\d{1,5}(?:[ .\u00a0\u202f-]\(?\d{1,10}\)?){1,6}(?![\w@])/g;
const WHOLE_WRITTEN = new RegExp(`^${WRITTEN_SOURCE}$`);
const PHONE_DIGITS = /^\d{8,15}$/;

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
  const named = maskWritten(maskNamed(text));
  return named.replace(SELF_EVIDENT, (...parts: Array<string | undefined>) => {
    const [, plus = '', plusChat = '', chatDigits = '', chat = ''] = parts;
    return plus === '' ? `${masked(chatDigits)}${chat}` : `${masked(plus)}${plusChat}`;
  });
}

function maskWritten(text: string): string {
  return text
    .replace(NAMED_WRITTEN, (whole, nameQuote: string, name: string, separator: string,
      valueQuote: string, value: string) => {
      const digits = writtenDigits(name, value);
      if (digits === undefined) return whole;
      const quoted = `${valueQuote}${masked(digits)}${valueQuote}`;
      return `${nameQuote}${name}${nameQuote}${separator}${quoted}`;
    })
    .replace(GROUPED_PLUS, (whole) => {
      const digits = whole.replace(/\D/g, '');
      return digits.length >= 10 && digits.length <= 15 ? masked(digits) : whole;
    });
}

/** The digits of a number written for people, when it is a phone's by its form or its name. */
function writtenDigits(name: string, value: string): string | undefined {
  const digits = value.replace(/[\s().-]/g, '');
  const plain = digits.replace(/^\+/, '');
  const byForm = /^[+(]/.test(value);
  const byName = !/^(?:to|from)$/i.test(name);
  return PHONE_DIGITS.test(plain) && (byForm || byName) ? plain : undefined;
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
  const text = String(value);
  const number = WHOLE_NUMBER.exec(text);
  if (number) return `${masked(number[1] ?? '')}${number[2] ?? ''}`;
  const written = WHOLE_WRITTEN.test(text) ? writtenDigits(name, text) : undefined;
  return written === undefined ? undefined : masked(written);
}

function masked(digits: string): string {
  return `${DOTS}${digits.slice(-KEPT_DIGITS)}`;
}
