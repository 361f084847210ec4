import { pushMessage } from '../../push/payload.ts';
import type { PushMessage } from '../../push/types.ts';
import {
  pausedLong, pausedThroughTurno, stillPaused, type TurnoPaused,
} from '../../actions/paused-by-turno.ts';
import { oncallAt } from '../../notify/oncall.ts';
import { awakeRecipients } from '../../notify/recipients.ts';
import type { AppDeps } from '../../types.ts';
import type { Probe, ProbeResult } from '../types.ts';
import {
  claimPausedReminder, pausedReminderDue, readPausedReminder,
} from './paused-reminder-state.ts';

export const pausedReminderProbeName = 'paused-schedules';

/** A reminder hours apart may come up to this late; the audit read is cheap. */
const checkSeconds = 300;
/** Managed schedules are the runbook's seven; a payload stays small whatever happens. */
const maxListed = 10;

const stillPausedLead = { 'es-MX': 'Siguen en pausa', en: 'Still paused' } as const;

/**
 * Names and since when, nothing else; the worker words the body in the device's language and
 * the tap opens Programaciones, where each can be resumed (card 2.1, step 2.1.5).
 */
export function pausedReminderMessage(paused: readonly TurnoPaused[]): PushMessage {
  const listed = paused.slice(0, maxListed);
  const names = listed.map((p) => p.name).join(', ');
  return pushMessage((locale) => ({
    v: 1, kind: 'paused-reminder', alertId: '', card: '2.1',
    title: `${stillPausedLead[locale]}: ${names}`.slice(0, 120),
    url: '/programaciones',
    paused: listed.map((p) => ({ name: p.name, since: p.since.toISOString() })),
  }));
}

/**
 * Once schedules were paused through Turno (card 2.1/2.2 offers it for a provider's blocked
 * account), their Sync_error rows stop and the alert resolves itself: nothing else would say
 * they are still paused. After `hours` this pushes their names to the person on call, and
 * again every `hours` until each is resumed. It is no emergency: it waits for the end of
 * their quiet hours, whatever the alert policy would do.
 */
export function pausedReminderProbe(hours: number): Probe {
  return {
    name: pausedReminderProbeName,
    intervalSeconds: checkSeconds,
    async run(deps, now): Promise<ProbeResult> {
      const audited = await pausedThroughTurno(deps.statePool);
      // The scheduler is asked only when the audit says something is paused.
      const paused = audited.length === 0 ? []
        : stillPaused(audited, await deps.cloud.scheduler.listSchedules());
      const long = paused.filter((p) => pausedLong(p, hours, now));
      const state = await readPausedReminder(deps.statePool);
      const sent = pausedReminderDue(long, state.lastSentAt, hours, now)
        && await remind(deps, long, state, now);
      return {
        findings: [],
        summary: {
          pausedByTurno: paused.length,
          longPaused: long.length,
          pausedSince: paused[0]?.since.toISOString() ?? null,
          lastSentAt: sent ? now.toISOString() : state.lastSentAt,
          sent,
        },
      };
    },
  };
}

async function remind(
  deps: AppDeps, long: readonly TurnoPaused[],
  state: Awaited<ReturnType<typeof readPausedReminder>>, now: Date,
): Promise<boolean> {
  const { onCall } = await oncallAt(deps.statePool, now);
  const users = await awakeRecipients(deps, onCall.user ? [onCall.user] : null, 'info', now);
  if (users?.length === 0) return false;
  const next = { lastSentAt: now.toISOString() };
  if (!await claimPausedReminder(deps.statePool, state, next)) return false;
  const report = await deps.pusher.send(pausedReminderMessage(long), {
    topic: 'turno-paused-schedules', ...(users ? { users } : {}),
  });
  deps.log.info('probe.paused_reminder.sent', {
    schedules: long.map((p) => `${p.group}/${p.name}`), delivered: report.delivered,
  });
  return true;
}
