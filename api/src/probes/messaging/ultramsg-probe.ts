import type { Pool } from 'pg';
import { redact } from '@turno/shared';
import type { AppDeps } from '../../types.ts';
import type { Probe, ProbeFinding, ProbeResult, ProbeSummary } from '../types.ts';
import type { MessagingConfig } from './config.ts';
import type { UltraMsgPort } from './ultramsg-client.ts';
import {
  queueCount, queueGrowing, readUltraMsgStatus, type UltraMsgState,
} from './ultramsg-status.ts';

export const ultraMsgProbeName = 'ultramsg';

const resources = ['ultramsg'];
/** Reads of the send queue that fail in a row before its early warning counts as lost. */
const queueFailuresToAlert = 2;

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

      const [read, previous] = await Promise.all([readQueue(port), previousQueue(deps.statePool)]);
      if ('error' in read) return unreadQueue(deps, read.error, previous, { findings, summary });
      const { queue } = read;
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

/**
 * The queue could not be read: Estado shows why at once. Without its count the early warning
 * is blind, so the second failed read in a row, soon after the first, opens card T.10.
 */
function unreadQueue(
  deps: AppDeps, error: string, previous: PreviousQueue | null, result: ProbeResult,
): ProbeResult {
  const failures = (previous?.failures ?? 0) + 1;
  deps.log.warn('probe.ultramsg.queue_unread', { error, failures });
  result.summary.queueError = error;
  result.summary.queueFailures = failures;
  if (failures >= queueFailuresToAlert) {
    result.findings.push({
      category: 'probe-failed', scope: 'ultramsg-queue', resources,
      detail: { probe: ultraMsgProbeName, error },
    });
  }
  // Not knowing the queue is no sign it shrank: a warning stays, with what it last saw.
  if (previous?.warning) {
    result.findings.push({ category: 'whatsapp-queue-growing', resources });
    result.summary.queueWarning = true;
  }
  return { ...result, retrySoon: failures < queueFailuresToAlert };
}

const statistics = 'UltraMsg messages/statistics';

/** The queue's count, or why it could not be read (the call's error never holds the token). */
async function readQueue(port: UltraMsgPort): Promise<{ queue: number } | { error: string }> {
  try {
    const answer = await port.statistics();
    if (answer.status >= 400) return { error: `${statistics} answered ${answer.status}` };
    const queue = queueCount(answer.body);
    return queue === null ? { error: `${statistics} answered without a queue count` } : { queue };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { error: redact(message).slice(0, 200) };
  }
}

interface PreviousQueue {
  queue: number | null;
  warning: boolean;
  /** Failed reads in a row before this run. */
  failures: number;
}

/** What the last run that reached UltraMsg saw of the queue, from its summary on Estado. */
async function previousQueue(db: Pool): Promise<PreviousQueue | null> {
  const { rows } = await db.query<{ summary: ProbeSummary | null }>(
    'SELECT summary FROM turno.probe_runs WHERE probe = $1', [ultraMsgProbeName],
  );
  const summary = rows[0]?.summary;
  if (!summary) return null;
  const queue = typeof summary.queue === 'number' ? summary.queue : null;
  const failures = typeof summary.queueFailures === 'number' ? summary.queueFailures : 0;
  return { queue, warning: summary.queueWarning === true, failures };
}
