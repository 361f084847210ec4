import {
  cardById, categoryTitle, inLocale, type AppLocale, type CardId, type CategoryId,
  type NotificationKind,
} from '@turno/shared';
import { errorFields } from '../log.ts';
import { alertPushPayload, pushMessage } from '../push/payload.ts';
import { pushTopic } from '../push/topic.ts';
import type { PushMessage, SendReport } from '../push/types.ts';
import type { AppDeps } from '../types.ts';
import { everyone, type Audience } from './audience.ts';
import { claimNotification, finishNotification, recordQuiet } from './notify-store.ts';

export { everyone } from './audience.ts';

export interface AlertToNotify {
  id: string;
  card: CardId | null;
  category: CategoryId;
  severity: string;
}

/** One step of an alert's re-notify and escalation plan. */
export interface StepToSend {
  step: number;
  kind: NotificationKind;
}

/** A short line from the card in `locale`, never the error's own text. */
export function pushTitle(
  alert: { card: CardId | null; category: CategoryId }, locale: AppLocale,
): string {
  const card = alert.card ? cardById(alert.card) : undefined;
  if (card) return `${card.id} · ${inLocale(card.title, locale)}`;
  return inLocale(categoryTitle(alert.category), locale);
}

export function stepMessage(alert: AlertToNotify, kind: NotificationKind): PushMessage {
  return pushMessage((locale) => ({ ...alertPushPayload(alert, pushTitle(alert, locale)), kind }));
}

/**
 * Pushes one step to its audience, each person once: their notification row is claimed
 * first, so a second watcher or a rerun sends nothing. People quiet hours left out are
 * recorded as 'quiet'. Returns who was pushed to (`everyone`: every device).
 */
export async function deliverStep(
  deps: AppDeps, alert: AlertToNotify, step: StepToSend, audience: Audience, now: Date,
): Promise<string[]> {
  const record = { alertId: alert.id, step: step.step, kind: step.kind, at: now };
  await recordQuiet(deps.statePool, record, audience.quiet);
  if (audience.quiet.length > 0 || audience.to === 'later') {
    deps.log.info('notify.quiet_hours', {
      alertId: alert.id, step: step.step, quiet: audience.quiet,
      heldUntil: audience.to === 'later' ? audience.at.toISOString() : null,
    });
  }
  if (audience.to === 'later') return [];
  if (audience.to === 'devices') {
    const sent = await pushOnce(deps, alert, step, { user: everyone, users: audience.users }, now);
    return sent ? [everyone] : [];
  }
  const reached: string[] = [];
  for (const user of audience.users) {
    if (await pushOnce(deps, alert, step, { user, users: [user] }, now)) reached.push(user);
  }
  return reached;
}

/** Claims the step for `to.user`, pushes it to `to.users` (undefined: every device). */
async function pushOnce(
  deps: AppDeps, alert: AlertToNotify, step: StepToSend,
  to: { user: string; users: readonly string[] | undefined }, now: Date,
): Promise<boolean> {
  const claim = { alertId: alert.id, user: to.user, step: step.step, kind: step.kind, at: now };
  if (!await claimNotification(deps.statePool, claim)) return false;

  let report: SendReport | undefined;
  try {
    report = await deps.pusher.send(stepMessage(alert, step.kind), {
      topic: pushTopic(alert.id.replaceAll('-', '')),
      ...(to.users ? { users: to.users } : {}),
    });
    deps.log.info('notify.pushed', {
      alertId: alert.id, user: to.user, step: step.step, kind: step.kind,
      delivered: report.delivered, removed: report.removed, failed: report.failed,
      backedOff: report.backedOff.length,
    });
  } catch (error) {
    deps.log.error('notify.push_failed', { alertId: alert.id, ...errorFields(error) });
  }
  await finishNotification(deps.statePool, claim, outcomeOf(report), report?.delivered ?? 0);
  return true;
}

function outcomeOf(report: SendReport | undefined): 'sent' | 'failed' | 'no-device' {
  if (!report) return 'failed';
  if (report.delivered > 0) return 'sent';
  const tried = report.failed + report.removed + report.backedOff.length;
  return tried > 0 ? 'failed' : 'no-device';
}
