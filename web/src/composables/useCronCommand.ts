import {
  isCronCommandDone, type CronCommandRequest, type CronCommandView,
} from '@turno/shared';
import { onUnmounted, ref, shallowRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { ApiError } from '../api/client.ts';
import { useApi } from './useApi.ts';
import { useErrorText } from './useErrorText.ts';

export interface CronCommandOptions {
  /** Between polls of the command's status. */
  intervalMs?: number;
  /** After this the PWA stops asking and says the host did not answer. */
  giveUpMs?: number;
  wait?: (ms: number) => Promise<void>;
  onDone?: (command: CronCommandView) => void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls in a row that may fail on the way (no network, a 5xx) before the error shows. */
const pollRetries = 3;

/** A phone losing its signal for a moment, or a gateway's 5xx; a 4xx would only repeat. */
const isTransient = (cause: unknown) =>
  cause instanceof ApiError && (cause.status === 0 || cause.status >= 500);

/**
 * One command on the cron host: `start` sends it (the API answers with an id at once) and the
 * status is polled until it is done, since the host may take longer than an HTTP call may.
 */
export function useCronCommand(options: CronCommandOptions = {}) {
  const api = useApi();
  const { t } = useI18n();
  const errorText = useErrorText();
  const command = shallowRef<CronCommandView | null>(null);
  const busy = ref(false);
  const error = ref<string | null>(null);
  let generation = 0;
  onUnmounted(() => { generation += 1; });

  async function follow(commandId: string, mine: number): Promise<void> {
    const wait = options.wait ?? sleep;
    const intervalMs = options.intervalMs ?? 1_500;
    const deadline = Date.now() + (options.giveUpMs ?? 120_000);
    let failures = 0;
    try {
      while (mine === generation) {
        // Each failure in a row doubles the wait before the next poll.
        await wait(intervalMs * 2 ** failures);
        if (mine !== generation) return;
        let next: CronCommandView;
        try {
          next = await api.cronCommandStatus(commandId);
        } catch (cause) {
          if (!isTransient(cause) || failures >= pollRetries || Date.now() > deadline) throw cause;
          failures += 1;
          continue;
        }
        failures = 0;
        if (mine !== generation) return;
        command.value = next;
        if (isCronCommandDone(next.status)) {
          options.onDone?.(next);
          return;
        }
        if (Date.now() > deadline) {
          error.value = t('cron.noAnswer');
          return;
        }
      }
    } catch (cause) {
      if (mine === generation) error.value = errorText(cause);
    } finally {
      if (mine === generation) busy.value = false;
    }
  }

  /** Sends the command; rejects only if the API refused it. The polling goes on by itself. */
  async function start(body: CronCommandRequest, idempotencyKey?: string): Promise<void> {
    const mine = ++generation;
    busy.value = true;
    error.value = null;
    command.value = null;
    try {
      const started = await api.cronCommand(body, idempotencyKey);
      command.value = { commandId: started.commandId, kind: started.kind, status: 'pending' };
      void follow(started.commandId, mine);
    } catch (cause) {
      busy.value = false;
      throw cause;
    }
  }

  /** Like `start`, keeping a refusal in `error` instead of throwing it. */
  async function run(body: CronCommandRequest): Promise<void> {
    await start(body).catch((cause: unknown) => { error.value = errorText(cause); });
  }

  return { command, busy, error, start, run };
}
