import type { Card, CardAction } from '@turno/shared';

/**
 * The actions an alert offers as big buttons: those its card's steps perform. An alert with
 * no card (a cause Turno does not know) keeps the pause, the runbook's answer to a Lambda
 * that keeps failing (its table of error codes).
 */
export function fixesFor(card: Card | undefined): ReadonlySet<CardAction> {
  if (!card) return new Set<CardAction>(['pause-schedule']);
  return new Set(card.steps.flatMap((step) => (step.action ? [step.action] : [])));
}
