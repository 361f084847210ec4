import type { Pool } from 'pg';
import { readDrillStates } from '../drills.ts';
import { messagingDrillNames as drill } from './drills.ts';
import type { GmailTokenPort } from './gmail-client.ts';
import type { BinaryAnswer, HttpAnswer } from './http.ts';
import type { UltraMsgPort } from './ultramsg-client.ts';

/** UltraMsg's and Google's own words, as integrations.md records them. */
export const ultraMsgBodies = {
  connected: { status: { accountStatus: { status: 'authenticated', substatus: 'connected' } } },
  qr: { status: { accountStatus: { status: 'qr', substatus: 'normal' } } },
  standby: { status: { accountStatus: { status: 'standby', substatus: 'normal' } } },
  wrongToken: { error: 'Wrong token. Please provide token as a GET parameter.' },
  notFound: { error: 'Instance not found' },
  unpaid: {
    error: 'Your instance has been Stopped due to non-payment. you can activate this instance '
      + 'by extending your subscription. Payment information updates every 5 minutes.',
  },
  notQr: { error: 'instance status is not equal "qr"' },
} as const;

export const googleBodies = {
  granted: {
    access_token: 'sandbox-access', expires_in: 3599, token_type: 'Bearer',
    scope: 'https://www.googleapis.com/auth/gmail.send',
  },
  invalidGrant: {
    error: 'invalid_grant', error_description: 'Token has been expired or revoked.',
  },
} as const;

/** A stand-in QR (not scannable): the sandbox has no WhatsApp session to link. */
const sandboxQr = [
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29" shape-rendering="crispEdges">',
  '<rect width="29" height="29" fill="#fff"/>',
  ...[[1, 1], [21, 1], [1, 21]].map(([x, y]) =>
    `<path d="M${x} ${y}h7v7h-7zM${(x ?? 0) + 2} ${(y ?? 0) + 2}h3v3h-3z" fill="#000"/>`),
  '<path d="M11 3h2v2h-2zM14 6h3v2h-3zM10 10h9v2h-9zM12 14h2v5h-2zM16 15h5v2h-5z',
  'M22 12h3v3h-3zM11 22h4v2h-4zM17 21h2v5h-2zM21 24h5v2h-5z" fill="#000"/>',
  '</svg>',
].join('');

const minute = 60_000;
/** The sandbox's queue while the drill is on: past the default warning and growing. */
const queueStart = 25;
const queuePerMinute = 3;

/**
 * UltraMsg answered in-process, in its real shapes: connected and empty unless a drill says
 * otherwise. Drill states live in Turno's schema, so the API and the watcher agree.
 */
export function createSandboxUltraMsg(db: Pool, now: () => Date): UltraMsgPort {
  async function instanceProblem(): Promise<HttpAnswer | null> {
    const on = await readDrillStates(db);
    if (on[drill.unpaid]) return { status: 200, body: ultraMsgBodies.unpaid };
    if (on[drill.wrongToken]) return { status: 200, body: ultraMsgBodies.wrongToken };
    return null;
  }
  return {
    async status() {
      const problem = await instanceProblem();
      if (problem) return problem;
      const on = await readDrillStates(db);
      if (on[drill.loggedOut]) return { status: 200, body: ultraMsgBodies.qr };
      if (on[drill.standby]) return { status: 200, body: ultraMsgBodies.standby };
      return { status: 200, body: ultraMsgBodies.connected };
    },
    async statistics() {
      const problem = await instanceProblem();
      if (problem) return problem;
      const since = (await readDrillStates(db))[drill.queue]?.since;
      const minutes = since ? Math.max(0, (now().getTime() - Date.parse(since)) / minute) : 0;
      const queue = since ? queueStart + Math.floor(minutes * queuePerMinute) : 0;
      return {
        status: 200,
        body: { messages_statistics: { sent: 120, queue, unsent: 0, invalid: 1, expired: 0 } },
      };
    },
    async qr(): Promise<BinaryAnswer> {
      const loggedOut = Boolean((await readDrillStates(db))[drill.loggedOut]);
      const body = loggedOut ? sandboxQr : JSON.stringify(ultraMsgBodies.notQr);
      return {
        status: 200,
        contentType: loggedOut ? 'image/svg+xml' : 'application/json',
        bytes: new TextEncoder().encode(body),
      };
    },
  };
}

/** Google's token endpoint answered in-process: a grant, or invalid_grant during the drill. */
export function createSandboxGmail(db: Pool): GmailTokenPort {
  return {
    async refresh() {
      const on = await readDrillStates(db);
      return on[drill.invalidGrant]
        ? { status: 400, body: googleBodies.invalidGrant }
        : { status: 200, body: googleBodies.granted };
    },
  };
}
