import type { PushPayload } from '@turno/shared';
import type { AlertPusher, SendReport } from '../push/types.ts';

export interface RecordingPusher extends AlertPusher {
  /** `users` is absent when the push went to every subscription. */
  readonly sent: Array<{ payload: PushPayload; topic: string; users?: readonly string[] }>;
}

/**
 * Remembers what would have been pushed, for API tests that are not about push (push itself
 * is tested against a local push service in api/src/push).
 */
export function createRecordingPusher(): RecordingPusher {
  const sent: RecordingPusher['sent'] = [];
  return {
    sent,
    async send(payload, { topic, users }): Promise<SendReport> {
      sent.push({ payload, topic, ...(users ? { users } : {}) });
      return { delivered: 0, removed: 0, failed: 0, backedOff: [], outcomes: [] };
    },
  };
}
