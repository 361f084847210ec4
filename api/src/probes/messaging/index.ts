import type { AppDeps } from '../../types.ts';
import type { Probe } from '../types.ts';
import { gmailConfigured, ultraMsgConfigured } from './config.ts';
import {
  gmailCredentials, secretsManagerReader, ultraMsgCredentials, type ReaderSource,
} from './credentials.ts';
import { createGmailTokenHttp, type GmailTokenPort } from './gmail-client.ts';
import { createGmailProbe } from './gmail-probe.ts';
import { createGmailSendingProbe } from './gmail-sending.ts';
import { createReminderProbe } from './reminder-probe.ts';
import { createSandboxGmail, createSandboxUltraMsg } from './sandbox.ts';
import { createUltraMsgHttp, type UltraMsgPort } from './ultramsg-client.ts';
import { createUltraMsgProbe } from './ultramsg-probe.ts';

/**
 * UltraMsg as configured; the in-process sandbox when unconfigured in the sandbox cloud;
 * null on AWS without configuration (nothing to watch, and nothing made up).
 */
export function ultraMsgPort(deps: AppDeps, reader?: ReaderSource): UltraMsgPort | null {
  const { messaging } = deps.config;
  if (ultraMsgConfigured(messaging)) {
    return createUltraMsgHttp({
      baseUrl: messaging.ultramsg.baseUrl,
      credentials: ultraMsgCredentials(
        messaging, reader ?? secretsManagerReader(messaging.region),
      ),
      timeoutMs: messaging.timeoutMs,
    });
  }
  return deps.cloud.kind === 'sandbox' ? createSandboxUltraMsg(deps.statePool, deps.now) : null;
}

/** Google's token endpoint as configured, the sandbox's, or null (see `ultraMsgPort`). */
export function gmailTokenPort(deps: AppDeps, reader?: ReaderSource): GmailTokenPort | null {
  const { messaging } = deps.config;
  if (gmailConfigured(messaging)) {
    return createGmailTokenHttp({
      tokenUrl: messaging.gmail.tokenUrl,
      credentials: gmailCredentials(messaging, reader ?? secretsManagerReader(messaging.region)),
      timeoutMs: messaging.timeoutMs,
    });
  }
  return deps.cloud.kind === 'sandbox' ? createSandboxGmail(deps.statePool) : null;
}

/** WhatsApp (UltraMsg) and Gmail probes, plus the phone reminder that goes with WhatsApp. */
export function messagingProbes(deps: AppDeps): Probe[] {
  const { messaging } = deps.config;
  const probes: Probe[] = [];
  const ultraMsg = ultraMsgPort(deps);
  if (ultraMsg) {
    probes.push(createUltraMsgProbe(ultraMsg, messaging.ultramsg));
    probes.push(createReminderProbe(messaging.reminder));
  }
  const gmail = gmailTokenPort(deps);
  if (gmail) probes.push(createGmailProbe(gmail, messaging.gmail));
  // Reads Turno's own tables only: it runs wherever the watcher does.
  probes.push(createGmailSendingProbe(messaging.gmail));
  return probes;
}
