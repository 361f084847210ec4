import { Hono } from 'hono';
import { TurnoError, type PhoneReminder, type WhatsappQrResponse } from '@turno/shared';
import { writeAudit } from '../audit/audit-log.ts';
import { runIdempotent } from '../audit/idempotency.ts';
import { requireRole } from '../auth/middleware.ts';
import { MessagingHttpError } from '../probes/messaging/http.ts';
import { ultraMsgPort } from '../probes/messaging/index.ts';
import {
  confirmReminder, readReminder, type ReminderState,
} from '../probes/messaging/reminder-store.ts';
import type { AppDeps, AppEnv } from '../types.ts';

/** Image types a QR may come back as; anything else is not shown (UltraMsg answers PNG). */
const imageTypes = ['image/png', 'image/jpeg', 'image/svg+xml'];

/**
 * `/api/whatsapp`: the instance's QR for card 1.1, fetched here so the token never reaches
 * the phone, and the designated phone's reminder with its "Listo".
 */
export function whatsappRoutes(deps: AppDeps): Hono<AppEnv> {
  const reminderView = async (state: ReminderState, now: Date): Promise<PhoneReminder> => {
    const timing = deps.config.messaging.reminder;
    // Imported on use: luxon stays out of the api's cold start (docs/benchmarks.md).
    const { reminderNextAt } = await import('../probes/messaging/reminder-next.ts');
    return {
      watched: ultraMsgPort(deps) !== null,
      everyDays: timing.everyDays,
      lastConfirmedAt: state.lastConfirmedAt,
      lastConfirmedBy: state.lastConfirmedBy,
      lastSentAt: state.lastSentAt,
      dueAt: reminderNextAt(state, timing, now)?.toISOString() ?? null,
    };
  };

  return new Hono<AppEnv>()
    .get('/qr', requireRole('operator'), async (c) => {
      const port = ultraMsgPort(deps);
      if (!port) throw new TurnoError('whatsapp_not_watched');
      const answer = await port.qr().catch((error: unknown) => {
        if (error instanceof MessagingHttpError) throw new TurnoError('ultramsg_unavailable');
        throw error;
      });
      const type = answer.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
      if (answer.status !== 200 || !imageTypes.includes(type) || answer.bytes.length === 0) {
        throw new TurnoError('whatsapp_qr_unavailable');
      }
      const principal = c.get('principal');
      const now = deps.now();
      // Whoever scans this QR links their WhatsApp to the company's sender: keep a record.
      await writeAudit(deps.statePool, {
        actor: principal.user, role: principal.role, action: 'whatsapp.qr.view',
        target: 'ultramsg', before: null, after: null, outcome: 'ok',
      }, now);
      const body: WhatsappQrResponse = {
        image: `data:${type};base64,${Buffer.from(answer.bytes).toString('base64')}`,
        fetchedAt: now.toISOString(),
      };
      c.header('Cache-Control', 'no-store');
      return c.json(body);
    })
    .get('/reminder', async (c) => {
      return c.json(await reminderView(await readReminder(deps.statePool), deps.now()));
    })
    .post('/reminder/confirm', requireRole('operator'), async (c) => {
      const principal = c.get('principal');
      const { body } = await runIdempotent(deps.statePool, {
        actor: principal.user, key: c.req.header('idempotency-key'),
        action: 'whatsapp.reminder.confirm', target: 'designated-phone',
      }, async () => {
        const now = deps.now();
        const { before, after } = await confirmReminder(deps.statePool, principal.user, now);
        await writeAudit(deps.statePool, {
          actor: principal.user, role: principal.role, action: 'whatsapp.reminder.confirm',
          target: 'designated-phone', before, after, outcome: 'ok',
        }, now);
        return reminderView(after, now);
      });
      return c.json(body);
    });
}
