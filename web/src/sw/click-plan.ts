import type { WorkerSession } from './sw-session.ts';
import { reminderTag, urlForClick, type NotificationData } from './notification.ts';

/** What the worker can do by itself for a tap: acknowledge an alert, confirm the reminder. */
export type WorkerTask = 'ack' | 'reminder';

/** What a tap on a notification leads to. */
export type ClickPlan =
  | { kind: 'open'; url: string }
  | {
    kind: 'post'; task: WorkerTask; apiUrl: string; token: string;
    /** The tag the notice replaces; where it leads; where to finish when the call fails. */
    tag: string; pageUrl: string; fallbackUrl: string;
  };

export type DoneMessage = 'acknowledged' | 'alreadyResolved' | 'reminderConfirmed';

/** What to do once the API answered. */
export type ClickOutcome =
  | { kind: 'done'; message: DoneMessage; url: string }
  | { kind: 'open'; url: string };

/** A token this close to expiring would fail on the way: the app's screen renews it. */
const marginMs = 10_000;

function usable(session: WorkerSession | null, now: number): session is WorkerSession {
  return session !== null && Date.parse(session.expiresAt) - now > marginMs;
}

function sameOrigin(url: unknown, fallback: string): string {
  return typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') ? url : fallback;
}

function task(target: Partial<NotificationData>, action: string) {
  const alertId = typeof target.alertId === 'string' ? target.alertId : '';
  if (action === 'ack' && alertId && target.ackUrl) {
    return {
      task: 'ack' as const, apiUrl: `/api/alerts/${encodeURIComponent(alertId)}/ack`,
      tag: alertId, fallbackUrl: urlForClick(target, 'ack'),
      pageUrl: sameOrigin(target.pageUrl, urlForClick(target, '')),
    };
  }
  if (action === 'done' && target.reminder === true) {
    const page = urlForClick(target, '');
    return {
      task: 'reminder' as const, apiUrl: '/api/whatsapp/reminder/confirm', tag: reminderTag,
      fallbackUrl: page, pageUrl: page,
    };
  }
  return null;
}

/**
 * "Reconocer" and the reminder's "Listo" call the API from the worker with the stored session
 * when they can; without a usable session they open the screen that finishes the job there.
 * Any other tap opens its page.
 */
export function planClick(
  data: unknown, action: string, session: WorkerSession | null, now = Date.now(),
): ClickPlan {
  const found = task((data ?? {}) as Partial<NotificationData>, action);
  if (!found) return { kind: 'open', url: urlForClick(data, action) };
  if (!usable(session, now)) return { kind: 'open', url: found.fallbackUrl };
  return { kind: 'post', token: session.token, ...found };
}

/**
 * 2xx: done. 409 `alert_already_resolved`: nothing to acknowledge, say so. Anything else (an
 * expired token, no network, a viewer's 403) opens the screen to finish there.
 */
export function clickOutcome(
  plan: Extract<ClickPlan, { kind: 'post' }>, status: number, body: unknown,
): ClickOutcome {
  if (status >= 200 && status < 300) {
    const message = plan.task === 'ack' ? 'acknowledged' : 'reminderConfirmed';
    return { kind: 'done', message, url: plan.pageUrl };
  }
  const code = (body as { error?: { code?: unknown } } | null)?.error?.code;
  if (plan.task === 'ack' && status === 409 && code === 'alert_already_resolved') {
    return { kind: 'done', message: 'alreadyResolved', url: plan.pageUrl };
  }
  return { kind: 'open', url: plan.fallbackUrl };
}
