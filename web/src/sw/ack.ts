import type { WorkerSession } from './sw-session.ts';
import { urlForClick, type PushNotification } from './notification.ts';

/** What a tap on a notification leads to. */
export type ClickPlan =
  | { kind: 'open'; url: string }
  | { kind: 'ack'; apiUrl: string; token: string; alertUrl: string; confirmUrl: string };

/** What to do once the acknowledgement answered. */
export type AckOutcome =
  | { kind: 'done'; message: 'acknowledged' | 'alreadyResolved'; url: string }
  | { kind: 'open'; url: string };

/** A token this close to expiring would fail on the way: the confirm screen renews it. */
const marginMs = 10_000;

function usable(session: WorkerSession | null, now: number): session is WorkerSession {
  return session !== null && Date.parse(session.expiresAt) - now > marginMs;
}

/**
 * "Reconocer" acknowledges from the worker with the stored session when it can; without a
 * usable session it opens the alert's confirm screen. Any other tap opens its page.
 */
export function planClick(
  data: unknown, action: string, session: WorkerSession | null, now = Date.now(),
): ClickPlan {
  const target = (data ?? {}) as Partial<PushNotification['data']>;
  const alertId = typeof target.alertId === 'string' ? target.alertId : '';
  if (action !== 'ack' || !alertId || !target.ackUrl) {
    return { kind: 'open', url: urlForClick(data, action) };
  }
  const confirmUrl = urlForClick(data, 'ack');
  if (!usable(session, now)) return { kind: 'open', url: confirmUrl };
  return {
    kind: 'ack',
    apiUrl: `/api/alerts/${encodeURIComponent(alertId)}/ack`,
    token: session.token,
    alertUrl: urlForClick(data, ''),
    confirmUrl,
  };
}

/**
 * 200: done. 409 `alert_already_resolved`: nothing to acknowledge, say so. Anything else (an
 * expired token, no network, a viewer's 403) opens the confirm screen to finish there.
 */
export function ackOutcome(
  plan: Extract<ClickPlan, { kind: 'ack' }>, status: number, body: unknown,
): AckOutcome {
  if (status >= 200 && status < 300) {
    return { kind: 'done', message: 'acknowledged', url: plan.alertUrl };
  }
  const code = (body as { error?: { code?: unknown } } | null)?.error?.code;
  if (status === 409 && code === 'alert_already_resolved') {
    return { kind: 'done', message: 'alreadyResolved', url: plan.alertUrl };
  }
  return { kind: 'open', url: plan.confirmUrl };
}
