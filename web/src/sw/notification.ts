import type { PushPayload } from '@turno/shared';
import en from '../i18n/en.json';
import es from '../i18n/es-MX.json';

export interface NotificationAction {
  action: 'guide' | 'ack';
  title: string;
}

/** What the worker passes to `showNotification`: every push becomes one of these. */
export interface PushNotification {
  title: string;
  body: string;
  tag: string;
  lang: string;
  icon: string;
  badge: string;
  requireInteraction: boolean;
  /** Ring again when a reminder replaces the alert's own notification (same tag). */
  renotify: boolean;
  data: { url: string; guideUrl: string | null; ackUrl: string | null; alertId: string | null };
  actions: NotificationAction[];
}

export interface PushContext {
  /** `Notification.maxActions` where the browser has it, else 0. */
  maxActions: number;
  /** `navigator.language`: the worker cannot read the language chosen in Ajustes. */
  language: string;
}

const icon = '/icons/icon-192.png';
const kinds = ['alert', 'renotify', 'escalate', 'test', 'phone-reminder'];

/** Only same-origin paths: a push must never send the phone to another site. */
function localPath(url: unknown): string | null {
  if (typeof url !== 'string' || !url.startsWith('/') || url.startsWith('//')) return null;
  return url;
}

function parse(text: string | null | undefined): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * `pushPayloadSchema` checked by hand: zod would triple the worker, which starts on every push.
 * A test keeps both in agreement.
 */
export function isPushPayload(value: unknown): value is PushPayload {
  const p = value as Partial<Record<keyof PushPayload, unknown>> | null;
  return typeof p === 'object' && p !== null && p.v === 1
    && typeof p.alertId === 'string' && typeof p.title === 'string' && p.title.length <= 120
    && (p.card === null || typeof p.card === 'string') && typeof p.url === 'string'
    && (p.kind === undefined || kinds.includes(p.kind as string));
}

/** Turns a push message's text into a notification, a generic one when it cannot be read. */
export function notificationFromPush(
  text: string | null | undefined,
  context: PushContext,
): PushNotification {
  const english = context.language.toLowerCase().startsWith('en');
  const words = english ? en.push : es.push;
  const lang = english ? 'en' : 'es-MX';
  const payload = parse(text);
  if (!isPushPayload(payload)) {
    return {
      title: words.genericTitle, body: words.genericBody, tag: 'turno-alert', lang, icon,
      badge: icon, requireInteraction: false, renotify: false, actions: [],
      data: { url: '/', guideUrl: null, ackUrl: null, alertId: null },
    };
  }
  if (payload.kind === 'test') {
    return {
      title: words.testTitle, body: words.testBody, tag: 'turno-test', lang, icon, badge: icon,
      requireInteraction: false, renotify: true, actions: [],
      data: {
        url: localPath(payload.url) ?? '/ajustes', guideUrl: null, ackUrl: null, alertId: null,
      },
    };
  }
  if (payload.kind === 'phone-reminder') {
    return {
      title: words.phoneReminderTitle, body: words.phoneReminderBody, tag: 'turno-phone-reminder',
      lang, icon, badge: icon, requireInteraction: true, renotify: true, actions: [],
      data: {
        url: localPath(payload.url) ?? '/ajustes', guideUrl: null, ackUrl: null, alertId: null,
      },
    };
  }
  const id = encodeURIComponent(payload.alertId);
  const alertUrl = `/alertas/${id}`;
  const guideUrl = payload.card ? `/guias/${encodeURIComponent(payload.card)}` : null;
  const actions: NotificationAction[] = [];
  if (guideUrl) actions.push({ action: 'guide', title: words.viewGuide });
  actions.push({ action: 'ack', title: words.acknowledge });
  const cardLine = payload.card
    ? words.cardBody.replace('{card}', payload.card) : words.genericBody;
  const body = payload.kind === 'renotify' ? `${words.renotifyBody} ${cardLine}`
    : payload.kind === 'escalate' ? `${words.escalateBody} ${cardLine}` : cardLine;
  return {
    title: payload.title || words.genericTitle,
    body,
    tag: payload.alertId,
    lang,
    icon,
    badge: icon,
    requireInteraction: true,
    renotify: true,
    data: {
      url: localPath(payload.url) ?? alertUrl, guideUrl, ackUrl: `${alertUrl}?ack=1`,
      alertId: payload.alertId,
    },
    actions: actions.slice(0, Math.max(0, context.maxActions)),
  };
}

/** Where a click on the notification (or one of its actions) should take the user. */
export function urlForClick(data: unknown, action: string): string {
  const target = (data ?? {}) as Partial<PushNotification['data']>;
  if (action === 'guide' && target.guideUrl) return target.guideUrl;
  if (action === 'ack' && target.ackUrl) return target.ackUrl;
  return localPath(target.url) ?? '/';
}
