import {
  cardById, categoryTitle, type CardId, type CategoryId, type NotificationKind, type PushPayload,
} from '@turno/shared';
import { errorFields } from '../log.ts';
import { alertPushPayload } from '../push/payload.ts';
import { pushTopic } from '../push/topic.ts';
import type { SendReport } from '../push/types.ts';
import type { AppDeps } from '../types.ts';
import { claimNotification, finishNotification } from './notify-store.ts';
import { awakeRecipients } from './recipients.ts';

export interface AlertToNotify {
  id: string;
  card: CardId | null;
  category: CategoryId;
  severity: string;
}

/** One step of an alert for one person, or for everyone (`user` null: no one is on call). */
export interface StepTarget {
  step: number;
  kind: NotificationKind;
  user: string | null;
}

/** Recorded for a push to every device, when no rotation names anyone. */
export const everyone = '*';

/** A short Spanish line from the card, never the error's own text. */
export function pushTitle(alert: { card: CardId | null; category: CategoryId }): string {
  const card = alert.card ? cardById(alert.card) : undefined;
  if (card) return `${card.id} · ${card.title.es}`;
  return categoryTitle(alert.category).es;
}

export function stepPayload(alert: AlertToNotify, kind: NotificationKind): PushPayload {
  return { ...alertPushPayload(alert, pushTitle(alert)), kind };
}

/**
 * Pushes one step, exactly once: the notification row is claimed first, so a second watcher
 * or a rerun sends nothing. Quiet hours keep non-critical pushes from a person (recorded as
 * 'quiet'). Returns false when another run had claimed the step already.
 */
export async function deliverStep(
  deps: AppDeps, alert: AlertToNotify, target: StepTarget, now: Date,
): Promise<boolean> {
  const recipient = target.user ?? everyone;
  const users = await awakeRecipients(deps, target.user ? [target.user] : null,
    alert.severity, now);
  const quiet = target.user !== null && users?.length === 0;
  const claim = {
    alertId: alert.id, user: recipient, step: target.step, kind: target.kind, at: now,
    outcome: quiet ? 'quiet' as const : 'sending' as const,
  };
  if (!await claimNotification(deps.statePool, claim)) return false;
  if (claim.outcome === 'quiet') {
    deps.log.info('notify.quiet_hours', { alertId: alert.id, user: recipient, step: target.step });
    return true;
  }

  let report: SendReport | undefined;
  try {
    report = await deps.pusher.send(stepPayload(alert, target.kind), {
      topic: pushTopic(alert.id.replaceAll('-', '')),
      ...(users ? { users } : {}),
    });
    deps.log.info('notify.pushed', {
      alertId: alert.id, user: recipient, step: target.step, kind: target.kind, ...report,
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
