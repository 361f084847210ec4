import type { NotificationKind } from '@turno/shared';

export interface PlannedStep {
  kind: NotificationKind;
  /** Index into the escalation chain: who this step goes to; null: everyone in the chain. */
  level: number | null;
}

/**
 * Step 0 pushes the alert to the first person; every `repeatMinutes` after it comes one more
 * step: `escalateAfter` re-notifications, then the next person (an escalation), and so on.
 * Once every person has had their turn each step re-notifies everyone in the chain, and with
 * no one on call (`levels` 0, a fresh install) every device: an open alert never goes quiet
 * until it is acknowledged, resolved or snoozed. An alert that reopened after a person
 * resolved it starts over at `firstStep`, its push then saying 'reopened'.
 */
export function planStep(
  step: number, escalateAfter: number, levels: number, firstStep = 0,
): PlannedStep {
  if (step <= firstStep) return { kind: firstPushKind(firstStep), level: 0 };
  return planFrom(step - firstStep, escalateAfter, levels);
}

/** What a round's first push says: a new alert, or one that reopened after a resolve. */
export function firstPushKind(firstStep: number): NotificationKind {
  return firstStep > 0 ? 'reopened' : 'alert';
}

function planFrom(step: number, escalateAfter: number, levels: number): PlannedStep {
  const perPerson = escalateAfter + 1;
  const level = Math.floor(step / perPerson);
  if (level >= levels) return { kind: 'renotify', level: null };
  return { kind: step % perPerson === 0 ? 'escalate' : 'renotify', level };
}
