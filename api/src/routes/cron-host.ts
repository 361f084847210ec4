import { Hono } from 'hono';
import {
  cronCommandRequest, cronWriteKinds, redact, TurnoError,
  type CronCommandStarted, type CronCommandView,
} from '@turno/shared';
import { finishPm2Flush, startPm2Flush } from '../actions/flush-pm2.ts';
import { hasRole, requireRole } from '../auth/middleware.ts';
import { readJson } from '../request.ts';
import type { CronCommand } from '../cloud/cron-host.ts';
import type { AppDeps, AppEnv } from '../types.ts';

/** SSM command ids are UUIDs; anything else is refused before it reaches AWS. */
const commandIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const maxErrorChars = 2_000;

/**
 * `/api/cron-host`: start a fixed command on flotas-cron-arc and poll it. Reads are for every
 * role; `pm2-flush` is operator and above, idempotent and audited.
 */
export function cronHostRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/commands', requireRole('viewer'), async (c) => {
    const { kind, process, lines } = await readJson(c, cronCommandRequest, 'validation_failed', {
      process: 'pm2_process_invalid',
    });
    const principal = c.get('principal');

    if (cronWriteKinds.includes(kind)) {
      if (!hasRole(principal.role, 'operator')) {
        throw new TurnoError('forbidden', undefined, { required: 'operator' });
      }
      const started = await startPm2Flush(deps, {
        principal, idempotencyKey: c.req.header('idempotency-key'),
      });
      return c.json(started, 202);
    }

    const args = { ...(process === undefined ? {} : { process }), ...(lines ? { lines } : {}) };
    const { commandId } = await deps.cloud.cronHost.startCommand(kind, args);
    c.get('log').info('cron_host.command_sent', { kind, commandId });
    const body: CronCommandStarted = { commandId, kind, replayed: false };
    return c.json(body, 202);
  });

  app.get('/commands/:id', requireRole('viewer'), async (c) => {
    const id = c.req.param('id');
    if (!commandIdPattern.test(id)) {
      throw new TurnoError('validation_failed', 'The command id is not an SSM command id.');
    }
    const command = await deps.cloud.cronHost.getCommand(id);
    if (!command) throw new TurnoError('cron_command_not_found');
    await finishPm2Flush(deps, command, c.get('log'));
    return c.json(toView(command));
  });

  return app;
}

/** Whatever the host printed may carry tokens: redacted, and the error shortened. */
function toView(command: CronCommand): CronCommandView {
  const { output, error, ...rest } = command;
  const view: CronCommandView = { ...rest };
  if (output) {
    view.output = output.kind === 'pm2-logs' ? { ...output, text: redact(output.text) } : output;
  }
  if (error) view.error = redact(error).slice(-maxErrorChars);
  return view;
}
