import type { NotificationKind } from '@turno/shared';

export interface PlannedStep {
  kind: NotificationKind;
  /** Index into the escalation chain: who this step goes to. */
  level: number;
}

/**
 * Step 0 pushes the alert to the first person; every `repeatMinutes` after it comes one more
 * step: `escalateAfter` re-notifications, then the next person (an escalation), and so on.
 * Null once every person of the chain has had their turn. With no one on call (`levels` 0,
 * a fresh install) every step re-notifies every device until someone acknowledges: there is
 * nobody to escalate to, and an alert nobody saw must not go quiet.
 */
export function planStep(step: number, escalateAfter: number, levels: number): PlannedStep | null {
  if (step === 0) return { kind: 'alert', level: 0 };
  if (step < 0) return null;
  if (levels === 0) return { kind: 'renotify', level: 0 };
  const perPerson = escalateAfter + 1;
  const level = Math.floor(step / perPerson);
  if (step < 0 || level >= levels) return null;
  return { kind: step % perPerson === 0 ? 'escalate' : 'renotify', level };
}
