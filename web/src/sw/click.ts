import en from '../i18n/en.json';
import es from '../i18n/es-MX.json';
import { ackOutcome, planClick } from './ack.ts';
import type { WorkerSession } from './sw-session.ts';

export interface NoticeOptions {
  body: string;
  tag: string;
  data: { url: string };
}

/** What the click handler needs from the worker, injected so the flow can be tested. */
export interface ClickDeps {
  readSession(): Promise<WorkerSession | null>;
  fetch(url: string, init: RequestInit): Promise<Response>;
  /** Shows a short notice in place of the alert's notification (same tag). */
  show(title: string, options: NoticeOptions): Promise<void>;
  open(url: string): Promise<void>;
  language: string;
  now(): number;
}

export type ClickResult = 'acknowledged' | 'alreadyResolved' | 'opened';

async function readBody(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/**
 * A tap on a notification or one of its actions. "Reconocer" acknowledges through the API
 * without opening Turno where it can, and says so with a notice; otherwise Turno opens.
 */
export async function handleNotificationClick(
  data: unknown, action: string, deps: ClickDeps,
): Promise<ClickResult> {
  const plan = planClick(data, action, await deps.readSession().catch(() => null), deps.now());
  if (plan.kind === 'open') {
    await deps.open(plan.url);
    return 'opened';
  }
  let outcome;
  try {
    const response = await deps.fetch(plan.apiUrl, {
      method: 'POST',
      headers: { Authorization: `Bearer ${plan.token}`, Accept: 'application/json' },
    });
    outcome = ackOutcome(plan, response.status, await readBody(response));
  } catch {
    outcome = { kind: 'open', url: plan.confirmUrl } as const;
  }
  if (outcome.kind === 'open') {
    await deps.open(outcome.url);
    return 'opened';
  }
  const words = deps.language.toLowerCase().startsWith('en') ? en.push : es.push;
  const tag = (data as { alertId?: string }).alertId ?? 'turno-alert';
  const title = outcome.message === 'acknowledged' ? words.acknowledgedTitle : words.resolvedTitle;
  await deps.show(title, { body: words.tapToOpen, tag, data: { url: outcome.url } });
  return outcome.message;
}
