import type { PushPayload } from '@turno/shared';
import type { Probe, ProbeResult } from '../types.ts';
import type { MessagingConfig } from './config.ts';
import {
  claimReminder, readReminder, reminderDueAt, reminderShouldSend,
} from './reminder-store.ts';

export const reminderProbeName = 'whatsapp-reminder';

/** Looking every 15 minutes puts the push at most that late; it is a days-long cycle. */
const checkSeconds = 900;

/** Ids and a title only; the tap opens Ajustes, where "Listo" is. */
export const phoneReminderPayload: PushPayload = {
  v: 1, kind: 'phone-reminder', alertId: '', card: '1.1',
  title: 'Abre WhatsApp en el celular designado', url: '/ajustes#whatsapp-reminder',
};

/**
 * WhatsApp unlinks the instance when the designated phone goes unused for 14 days (card 1.1):
 * every `everyDays` after the last "Listo" this asks its keeper to open WhatsApp on it.
 */
export function createReminderProbe(config: MessagingConfig['reminder']): Probe {
  return {
    name: reminderProbeName,
    intervalSeconds: checkSeconds,
    async run(deps, now): Promise<ProbeResult> {
      let state = await readReminder(deps.statePool);
      if (!state.startedAt && !state.lastConfirmedAt) {
        const started = { ...state, startedAt: now.toISOString() };
        if (await claimReminder(deps.statePool, state, started)) state = started;
        else state = await readReminder(deps.statePool);
      }
      let sent = false;
      const next = { ...state, lastSentAt: now.toISOString() };
      if (reminderShouldSend(state, config, now)
        && await claimReminder(deps.statePool, state, next)) {
        const report = await deps.pusher.send(phoneReminderPayload, {
          topic: 'whatsapp-phone-reminder',
          ...(config.keepers.length > 0 ? { users: config.keepers } : {}),
        });
        deps.log.info('probe.whatsapp_reminder.sent', { delivered: report.delivered });
        sent = true;
      }
      const dueAt = reminderDueAt(state, config);
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
