import { Duration, type DurationUnit } from 'luxon';
import type { Alert } from '@turno/shared';

/** What a messaging alert's detail says, read defensively: detail is free-form JSON. */
export interface MessagingDetail {
  /** Card 1.1 while the instance waits for a scan: show the QR. */
  qr: boolean;
  pair: { status: string; substatus: string } | null;
  error: string | null;
  queue: { queue: number; previous: number | null; threshold: number } | null;
  retry: { retryAt: string; basis: 'retry-after' | 'daily-quota' | 'runbook'; since: string }
    | null;
  token: {
    error: string;
    description: string | null;
    testingSuspected: boolean;
    daysApart: number | null;
    previousAt: string | null;
  } | null;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const bases = ['retry-after', 'daily-quota', 'runbook'] as const;
// The alerts whose probe kept UltraMsg's own answer: what opened them, in its words.
const answered = ['whatsapp-unhealthy', 'whatsapp-unpaid', 'whatsapp-config'];

export function messagingDetail(alert: Alert): MessagingDetail {
  const d = alert.detail ?? {};
  const live = alert.state !== 'resolved';
  const status = text(d.status);
  const queue = num(d.queue);
  const threshold = num(d.threshold);
  const retryAt = text(d.retryAt);
  const basis = bases.find((b) => b === d.basis);
  const tokenError = text(d.error);
  return {
    qr: live && alert.category === 'whatsapp-logged-out',
    pair: alert.category === 'whatsapp-unhealthy' && status !== null
      ? { status, substatus: text(d.substatus) ?? '—' } : null,
    error: answered.includes(alert.category) ? text(d.error) : null,
    queue: alert.category === 'whatsapp-queue-growing' && queue !== null && threshold !== null
      ? { queue, previous: num(d.previous), threshold } : null,
    retry: alert.category === 'gmail-saturated' && retryAt && basis
      && !Number.isNaN(Date.parse(retryAt))
      ? { retryAt, basis, since: text(d.since) ?? alert.firstSeen } : null,
    token: alert.category === 'gmail-token' && tokenError
      ? {
        error: tokenError, description: text(d.description),
        testingSuspected: d.testingSuspected === true, daysApart: num(d.daysApart),
        previousAt: text(d.previousAt),
      }
      : null,
  };
}

/**
 * Time left, as people say it: hours and minutes, or minutes and seconds in the last hour,
 * or seconds in the last minute ("3 h, 12 min" in the short unit style of `locale`).
 */
export function timeLeft(ms: number, locale: string): string {
  const units: DurationUnit[] = ms >= 3_600_000 ? ['hours', 'minutes']
    : ms >= 60_000 ? ['minutes', 'seconds'] : ['seconds'];
  const whole = Duration.fromMillis(Math.max(0, ms)).shiftTo(...units)
    .mapUnits((value) => Math.floor(value)).toObject();
  const shown = Object.fromEntries(Object.entries(whole).filter(([, value]) => value > 0));
  const left = Duration.fromObject(Object.keys(shown).length ? shown : { seconds: 0 }, { locale });
  return left.toHuman({ unitDisplay: 'short', listStyle: 'narrow' });
}
