import { isCronCommandDone } from '@turno/shared';
import type { CronCommand, CronCommandKind, CronHostPort } from '../../cloud/cron-host.ts';

/** How a probe waits on a command: the real clock in service, the sandbox's in tests. */
export interface CommandWait {
  sleep(ms: number): Promise<void>;
  pollMs: number;
  /** Polls before giving up; pollMs × attempts stays under the runner's 20 s timeout. */
  attempts: number;
}

export const realWait: CommandWait = {
  sleep: (ms) => new Promise((resolve) => { setTimeout(resolve, ms); }),
  pollMs: 1_000,
  attempts: 15,
};

/**
 * Sends one of the fixed read commands to the cron host and polls it to its end. A command
 * the host ran and failed comes back as such; one that never ends throws.
 */
export async function runCronCommand(
  host: CronHostPort, kind: CronCommandKind, wait: CommandWait,
): Promise<CronCommand> {
  const { commandId } = await host.startCommand(kind);
  for (let attempt = 0; attempt < wait.attempts; attempt += 1) {
    await wait.sleep(wait.pollMs);
    const command = await host.getCommand(commandId);
    if (!command) throw new Error(`the cron host lost command ${commandId} (${kind})`);
    if (isCronCommandDone(command.status)) return command;
  }
  const seconds = Math.round((wait.pollMs * wait.attempts) / 1000);
  throw new Error(`the cron host did not finish ${kind} within ${seconds} s`);
}
