import type { PushPayload } from '@turno/shared';
import en from '../i18n/en.json';
import es from '../i18n/es-MX.json';
import { isPausedList, pausedBody } from './paused-notification.ts';

export interface NotificationAction {
  action: 'guide' | 'ack' | 'done';
  title: string;
}

/** What a click needs later; a notification shown by an older worker may lack fields. */
export interface NotificationData {
  /** What a tap on the notification itself opens. */
  url: string;
  /** The page a notice leads to once an action was done from the worker. */
  pageUrl: string;
  guideUrl: string | null;
  /** The confirm screen for "Reconocer". */
  ackUrl: string | null;
  alertId: string | null;
  /** A phone reminder: its "Listo" confirms from the worker. */
  reminder: boolean;
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
  data: NotificationData;
  actions: NotificationAction[];
}

export interface PushContext {
  /** `Notification.maxActions` where the browser has it, else 0. */
  maxActions: number;
  /**
   * `navigator.language`, for a push without `lang` (an older server, or one the worker cannot
   * read): the worker cannot read the language chosen in Ajustes.
   */
  language: string;
}

const icon = '/icons/icon-192.png';
/** Ajustes' reminder panel, where the in-app "Listo" is. */
export const reminderUrl = '/ajustes#whatsapp-reminder';
export const reminderTag = 'turno-phone-reminder';
export const pausedTag = 'turno-paused-reminder';
const kinds = [
  'alert', 'renotify', 'escalate', 'reopened', 'test', 'phone-reminder', 'paused-reminder',
];
const langs = ['es-MX', 'en'];

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
    && (p.kind === undefined || kinds.includes(p.kind as string)) && isPausedList(p.paused)
    && (p.lang === undefined || langs.includes(p.lang as string));
}

function pageData(url: string): NotificationData {
  return { url, pageUrl: url, guideUrl: null, ackUrl: null, alertId: null, reminder: false };
}

/** Turns a push message's text into a notification, a generic one when it cannot be read. */
export function notificationFromPush(
  text: string | null | undefined,
  context: PushContext,
): PushNotification {
  const parsed = parse(text);
  const payload = isPushPayload(parsed) ? parsed : null;
  // The server words each push in the app's language on this device and says which.
  const english = (payload?.lang ?? context.language).toLowerCase().startsWith('en');
  const words = english ? en.push : es.push;
  const lang = english ? 'en' : 'es-MX';
  if (!payload) {
    return {
      title: words.genericTitle, body: words.genericBody, tag: 'turno-alert', lang, icon,
      badge: icon, requireInteraction: false, renotify: false, actions: [],
      data: pageData('/'),
    };
  }
  if (payload.kind === 'test') {
    return {
      title: words.testTitle, body: words.testBody, tag: 'turno-test', lang, icon, badge: icon,
      requireInteraction: false, renotify: true, actions: [],
      data: pageData(localPath(payload.url) ?? '/ajustes'),
    };
  }
  if (payload.kind === 'phone-reminder') {
    const actions: NotificationAction[] = [{ action: 'done', title: words.reminderDone }];
    return {
      title: words.phoneReminderTitle, body: words.phoneReminderBody, tag: reminderTag,
      lang, icon, badge: icon, requireInteraction: true, renotify: true,
      data: { ...pageData(localPath(payload.url) ?? reminderUrl), reminder: true },
      actions: actions.slice(0, Math.max(0, context.maxActions)),
    };
  }
  if (payload.kind === 'paused-reminder') {
    const body = pausedBody(payload.paused ?? [], {
      body: words.pausedReminderBody, item: words.pausedSince,
    }, lang);
    return {
      title: words.pausedReminderTitle, body, tag: pausedTag, lang, icon, badge: icon,
      requireInteraction: true, renotify: true, actions: [],
      data: pageData(localPath(payload.url) ?? '/programaciones'),
    };
  }
  const id = encodeURIComponent(payload.alertId);
  const alertUrl = `/alertas/${id}`;
  const pageUrl = localPath(payload.url) ?? alertUrl;
  const ackUrl = `${alertUrl}?ack=1`;
  const guideUrl = payload.card ? `/guias/${encodeURIComponent(payload.card)}` : null;
  // "Reconocer" first: a browser that shows one action keeps the one that matters at 3 a.m.
  const offered: NotificationAction[] = [{ action: 'ack', title: words.acknowledge }];
  if (guideUrl) offered.push({ action: 'guide', title: words.viewGuide });
  const actions = offered.slice(0, Math.max(0, context.maxActions));
  const cardLine = payload.card
    ? words.cardBody.replace('{card}', payload.card) : words.genericBody;
  const lead = payload.kind === 'renotify' ? words.renotifyBody
    : payload.kind === 'escalate' ? words.escalateBody
      : payload.kind === 'reopened' ? words.reopenedBody : null;
  const body = lead ? `${lead} ${cardLine}` : cardLine;
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
      // Without action buttons the tap itself is "Reconocer": it opens the confirm screen.
      url: actions.length > 0 ? pageUrl : ackUrl,
      pageUrl, guideUrl, ackUrl, alertId: payload.alertId, reminder: false,
    },
    actions,
  };
}

/** Where a click on the notification (or one of its actions) should take the user. */
export function urlForClick(data: unknown, action: string): string {
  const target = (data ?? {}) as Partial<NotificationData>;
  if (action === 'guide' && target.guideUrl) return target.guideUrl;
  if (action === 'ack' && target.ackUrl) return target.ackUrl;
  return localPath(target.url) ?? '/';
}
