import { defaultLocale, type PushPayload } from '@turno/shared';
import type { AlertPusher, PushMessage, SendReport } from '../push/types.ts';

export interface RecordingPusher extends AlertPusher {
  /**
   * `payload` is what a device in the default locale (es-MX) gets, `message` every locale's;
   * `users` is absent when the push went to every subscription.
   */
  readonly sent: Array<{
    payload: PushPayload; message: PushMessage; topic: string; users?: readonly string[];
  }>;
}

/**
 * Remembers what would have been pushed, for API tests that are not about push (push itself
 * is tested against a local push service in api/src/push).
 */
export function createRecordingPusher(): RecordingPusher {
  const sent: RecordingPusher['sent'] = [];
  return {
    sent,
    async send(message, { topic, users }): Promise<SendReport> {
      sent.push({ payload: message[defaultLocale], message, topic, ...(users ? { users } : {}) });
      return { delivered: 0, removed: 0, failed: 0, backedOff: [], outcomes: [] };
    },
  };
}
