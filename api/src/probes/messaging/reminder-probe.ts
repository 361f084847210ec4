import { inLocale } from '@turno/shared';
import { awakeRecipients } from '../../notify/recipients.ts';
import { pushMessage } from '../../push/payload.ts';
import type { Probe, ProbeResult } from '../types.ts';
import type { MessagingConfig } from './config.ts';
import { claimReminder, readReminder, reminderShouldSend } from './reminder-store.ts';

export const reminderProbeName = 'whatsapp-reminder';

/** Looking every 15 minutes puts the push at most that late; it is a days-long cycle. */
const checkSeconds = 900;

/**
 * Ids and a title only; the tap opens Ajustes, where "Listo" is, and a "Listo" action on
 * the notification POSTs `confirmUrl` with the stored session (operator role).
 */
export const phoneReminderMessage = pushMessage((locale) => ({
  v: 1, kind: 'phone-reminder', alertId: '', card: '1.1',
  title: inLocale({
    es: 'Abre WhatsApp en el celular designado', en: 'Open WhatsApp on the designated phone',
  }, locale),
  url: '/ajustes#whatsapp-reminder',
  confirmUrl: '/api/whatsapp/reminder/confirm',
}));

/**
 * WhatsApp unlinks the instance when the designated phone goes unused for 14 days (card 1.1):
 * every `everyDays` after the last "Listo" this asks its keeper to open WhatsApp on it, in
 * daytime hours and never to someone in their quiet hours. A reminder nobody may get now
 * waits for the next look: it is days early, never urgent.
 */
export function createReminderProbe(config: MessagingConfig['reminder']): Probe {
  return {
    name: reminderProbeName,
    intervalSeconds: checkSeconds,
    async run(deps, now): Promise<ProbeResult> {
      // Imported on use: luxon stays out of the api's cold start (docs/benchmarks.md).
      const { inHours } = await import('../../notify/quiet-hours.ts');
      const { reminderNextAt } = await import('./reminder-next.ts');
      let state = await readReminder(deps.statePool);
      if (!state.startedAt && !state.lastConfirmedAt) {
        const started = { ...state, startedAt: now.toISOString() };
        if (await claimReminder(deps.statePool, state, started)) state = started;
        else state = await readReminder(deps.statePool);
      }
      let sent = false;
      const next = { ...state, lastSentAt: now.toISOString() };
      const users = reminderShouldSend(state, config, now) && inHours(now, config.daytime)
        ? await awakeRecipients(deps, config.keepers.length > 0 ? config.keepers : null,
          'info', now)
        : [];
      if (users?.length !== 0 && await claimReminder(deps.statePool, state, next)) {
        const report = await deps.pusher.send(phoneReminderMessage, {
          topic: 'whatsapp-phone-reminder', ...(users ? { users } : {}),
        });
        deps.log.info('probe.whatsapp_reminder.sent', { delivered: report.delivered });
        sent = true;
      }
      const dueAt = reminderNextAt(sent ? next : state, config, now);
      return {
        findings: [],
        summary: {
          dueAt: dueAt?.toISOString() ?? null,
          lastConfirmedAt: state.lastConfirmedAt,
          lastSentAt: sent ? now.toISOString() : state.lastSentAt,
          sent,
        },
      };
    },
  };
}
