import en from '../i18n/en.json';
import es from '../i18n/es-MX.json';
import { clickOutcome, planClick, type ClickOutcome, type DoneMessage } from './click-plan.ts';
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
  /** Shows a short notice in place of the tapped notification (same tag). */
  show(title: string, options: NoticeOptions): Promise<void>;
  open(url: string): Promise<void>;
  language: string;
  now(): number;
  /** A fresh Idempotency-Key: one per tap. */
  newKey(): string;
}

export type ClickResult = DoneMessage | 'opened';

async function readBody(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

function notice(message: DoneMessage, body: unknown, language: string) {
  const words = language.toLowerCase().startsWith('en') ? en.push : es.push;
  if (message === 'acknowledged') return { title: words.acknowledgedTitle, body: words.tapToOpen };
  if (message === 'alreadyResolved') return { title: words.resolvedTitle, body: words.tapToOpen };
  const days = (body as { everyDays?: unknown } | null)?.everyDays;
  return {
    title: words.reminderSavedTitle,
    body: typeof days === 'number' ? words.reminderSavedBody.replace('{days}', String(days))
      : words.tapToOpen,
  };
}

/**
 * A tap on a notification or one of its actions. "Reconocer" and the reminder's "Listo" do
 * their job through the API without opening Turno where they can, and say so with a notice;
 * otherwise Turno opens.
 */
export async function handleNotificationClick(
  data: unknown, action: string, deps: ClickDeps,
): Promise<ClickResult> {
  const plan = planClick(data, action, await deps.readSession().catch(() => null), deps.now());
  if (plan.kind === 'open') {
    await deps.open(plan.url);
    return 'opened';
  }
  let outcome: ClickOutcome;
  let body: unknown = null;
  try {
    const response = await deps.fetch(plan.apiUrl, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${plan.token}`, Accept: 'application/json',
        ...(plan.task === 'reminder' ? { 'Idempotency-Key': deps.newKey() } : {}),
      },
    });
    body = await readBody(response);
    outcome = clickOutcome(plan, response.status, body);
  } catch {
    outcome = { kind: 'open', url: plan.fallbackUrl };
  }
  if (outcome.kind === 'open') {
    await deps.open(outcome.url);
    return 'opened';
  }
  const { title, body: text } = notice(outcome.message, body, deps.language);
  await deps.show(title, { body: text, tag: plan.tag, data: { url: outcome.url } });
  return outcome.message;
}
