import type { Pool } from 'pg';
import { errorFields } from '../../log.ts';
import type { Probe, ProbeFinding, ProbeResult, ProbeSummary } from '../types.ts';
import type { MessagingConfig } from './config.ts';
import type { UltraMsgPort } from './ultramsg-client.ts';
import {
  queueCount, queueGrowing, readUltraMsgStatus, type UltraMsgState,
} from './ultramsg-status.ts';

export const ultraMsgProbeName = 'ultramsg';

const resources = ['ultramsg'];

/** The WhatsApp finding of one instance status; none when it is authenticated and connected. */
export function statusFinding(state: UltraMsgState): ProbeFinding | null {
  switch (state.kind) {
    case 'healthy':
      return null;
    case 'logged-out':
      return {
        category: 'whatsapp-logged-out', resources,
        detail: { status: state.status, substatus: state.substatus, qr: true },
      };
    case 'unpaid':
      return {
        category: 'whatsapp-unpaid', resources, detail: { error: state.error },
      };
    case 'config':
      return {
        category: 'whatsapp-config', resources,
        detail: { reason: state.reason, error: state.error },
      };
    case 'unhealthy':
      return {
        category: 'whatsapp-unhealthy', resources,
        detail: { status: state.status, substatus: state.substatus, error: state.error },
      };
  }
}

/** WhatsApp through UltraMsg: the instance status, then whether its send queue keeps growing. */
export function createUltraMsgProbe(
  port: UltraMsgPort, config: MessagingConfig['ultramsg'],
): Probe {
  return {
    name: ultraMsgProbeName,
    intervalSeconds: config.intervalSeconds,
    async run(deps): Promise<ProbeResult> {
      const state = readUltraMsgStatus(await port.status());
      if (state.kind === 'config') await port.forgetCredentials?.();
      const finding = statusFinding(state);
      const findings = finding ? [finding] : [];
      const summary: ProbeSummary = { ...summaryOf(state), queue: null, queueWarning: false };
      // Unpaid or misconfigured, UltraMsg answers every call with the same error.
      if (state.kind === 'unpaid' || state.kind === 'config') return { findings, summary };

      const queue = await readQueue(port).catch((error: unknown) => {
        deps.log.warn('probe.ultramsg.queue_unread', errorFields(error));
        return null;
      });
      if (queue === null) return { findings, summary };
      const previous = await previousQueue(deps.statePool);
      const warning = queueGrowing(queue, previous, config.queueWarning);
      summary.queue = queue;
      summary.queueWarning = warning;
      if (warning) {
        findings.push({
          category: 'whatsapp-queue-growing', resources,
          detail: { queue, previous: previous?.queue ?? null, threshold: config.queueWarning },
        });
      }
      return { findings, summary };
    },
  };
}

function summaryOf(state: UltraMsgState): ProbeSummary {
  switch (state.kind) {
    case 'unpaid':
      return { status: 'unpaid', substatus: null };
    case 'config':
      return { status: state.reason, substatus: null };
    default:
      return { status: state.status, substatus: state.substatus };
  }
}

async function readQueue(port: UltraMsgPort): Promise<number | null> {
  const answer = await port.statistics();
  return answer.status < 400 ? queueCount(answer.body) : null;
}

/** The queue the last successful run saw, from its summary on Estado. */
async function previousQueue(
  db: Pool,
): Promise<{ queue: number | null; warning: boolean } | null> {
  const { rows } = await db.query<{ summary: ProbeSummary | null }>(
    'SELECT summary FROM turno.probe_runs WHERE probe = $1', [ultraMsgProbeName],
  );
  const summary = rows[0]?.summary;
  if (!summary) return null;
  const queue = typeof summary.queue === 'number' ? summary.queue : null;
  return { queue, warning: summary.queueWarning === true };
}
