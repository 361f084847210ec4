import type { Alert, AppLocale, PushPayload } from '@turno/shared';
import type { PushMessage } from './types.ts';

/** Push services accept 4 KB; we keep well under it (ids and a title, never data). */
export const MAX_PAYLOAD_BYTES = 3 * 1024;

const MAX_TITLE = 120;

/** Raised instead of sending a payload that is too big to be an ids-and-title message. */
export class PushPayloadTooLargeError extends Error {
  readonly bytes: number;

  constructor(bytes: number) {
    super(`Push payload of ${bytes} bytes is over the ${MAX_PAYLOAD_BYTES}-byte limit`);
    this.name = 'PushPayloadTooLargeError';
    this.bytes = bytes;
  }
}

/** The serialised payload, or an error when it is over the limit. */
export function encodePayload(payload: PushPayload): string {
  const body = JSON.stringify(payload);
  const bytes = Buffer.byteLength(body, 'utf8');
  if (bytes > MAX_PAYLOAD_BYTES) throw new PushPayloadTooLargeError(bytes);
  return body;
}

/** The same push built in each of the app's languages, each saying which it is in. */
export function pushMessage(build: (locale: AppLocale) => PushPayload): PushMessage {
  return { 'es-MX': { ...build('es-MX'), lang: 'es-MX' }, en: { ...build('en'), lang: 'en' } };
}

/** Each locale's payload serialised once, for every device that speaks it. */
export function encodeMessage(message: PushMessage): Record<AppLocale, string> {
  return { 'es-MX': encodePayload(message['es-MX']), en: encodePayload(message.en) };
}

/**
 * What a push says about an alert: its id, its card and a title. Samples, counts, function
 * names and error text stay on the server; the phone fetches them after sign-in.
 */
export function alertPushPayload(alert: Pick<Alert, 'id' | 'card'>, title: string): PushPayload {
  return {
    v: 1,
    alertId: alert.id,
    card: alert.card,
    title: title.slice(0, MAX_TITLE),
    url: `/alertas/${encodeURIComponent(alert.id)}`,
  };
}
