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
 * until it is acknowledged, resolved or snoozed.
 */
export function planStep(step: number, escalateAfter: number, levels: number): PlannedStep {
  if (step <= 0) return { kind: 'alert', level: 0 };
  const perPerson = escalateAfter + 1;
  const level = Math.floor(step / perPerson);
  if (level >= levels) return { kind: 'renotify', level: null };
  return { kind: step % perPerson === 0 ? 'escalate' : 'renotify', level };
}
