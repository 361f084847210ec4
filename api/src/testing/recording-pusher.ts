import type { PushPayload } from '@turno/shared';
import type { AlertPusher, SendReport } from '../push/types.ts';

export interface RecordingPusher extends AlertPusher {
  readonly sent: Array<{ payload: PushPayload; topic: string }>;
}

/**
 * Remembers what would have been pushed, for API tests that are not about push (push itself
 * is tested against a local push service in api/src/push).
 */
export function createRecordingPusher(): RecordingPusher {
  const sent: RecordingPusher['sent'] = [];
  return {
    sent,
    async send(payload, { topic }): Promise<SendReport> {
      sent.push({ payload, topic });
      return { delivered: 0, removed: 0, failed: 0, backedOff: [] };
    },
  };
}
