import type { Probe, ProbeResult, ProbeFinding } from '../types.ts';
import type { MessagingConfig } from './config.ts';
import type { GmailTokenPort } from './gmail-client.ts';
import { gmailTokenOpenings, recurrence } from './gmail-recurrence.ts';
import type { HttpAnswer } from './http.ts';

export const gmailProbeName = 'gmail';

/** What the token endpoint said: a usable grant, or the OAuth error that stops sending. */
export type TokenState =
  | { kind: 'ok'; expiresIn: number | null }
  | { kind: 'rejected'; error: string; description: string | null };

/** OAuth errors that mean the stored client or refresh token no longer works (RFC 6749 §5.2). */
const rejections = ['invalid_grant', 'invalid_client', 'unauthorized_client'];

/** Reads the token endpoint's answer; anything that is neither a grant nor a rejection throws. */
export function readTokenAnswer(answer: HttpAnswer): TokenState {
  const body = (typeof answer.body === 'object' && answer.body !== null ? answer.body : {}) as
    Record<string, unknown>;
  if (answer.status === 200 && typeof body.token_type === 'string') {
    return { kind: 'ok', expiresIn: typeof body.expires_in === 'number' ? body.expires_in : null };
  }
  const error = typeof body.error === 'string' ? body.error : null;
  if (error && rejections.includes(error) && answer.status >= 400 && answer.status < 500) {
    const description = typeof body.error_description === 'string' ? body.error_description : null;
    return { kind: 'rejected', error, description };
  }
  throw new Error(`Google token endpoint answered ${answer.status}${error ? ` (${error})` : ''}`);
}

/**
 * Gmail's OAuth token, refreshed as UP does before sending: a rejection opens card 3.2, and
 * when it comes back about a week after the last time, says the app is probably in "Testing".
 */
export function createGmailProbe(port: GmailTokenPort, config: MessagingConfig['gmail']): Probe {
  return {
    name: gmailProbeName,
    intervalSeconds: config.intervalSeconds,
    async run(deps, now): Promise<ProbeResult> {
      const state = readTokenAnswer(await port.refresh());
      if (state.kind === 'ok') {
        return { findings: [], summary: { token: 'ok', expiresIn: state.expiresIn } };
      }
      await port.forgetCredentials?.();
      const again = state.error === 'invalid_grant'
        ? recurrence(await gmailTokenOpenings(deps.statePool, now))
        : null;
      const finding: ProbeFinding = {
        category: 'gmail-token', resources: ['gmail'],
        detail: {
          error: state.error, description: state.description,
          ...(again ? {
            previousAt: again.previousAt, daysApart: again.daysApart,
            testingSuspected: again.weekly,
          } : {}),
        },
      };
      return { findings: [finding], summary: { token: state.error } };
    },
  };
}
