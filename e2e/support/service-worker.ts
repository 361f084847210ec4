import type { CDPSession, Page } from 'playwright-core';
import { waitFor } from './wait-for.ts';

interface Registration {
  registrationId: string;
  scopeURL: string;
  isDeleted: boolean;
}

interface Version {
  registrationId: string;
  versionId: string;
  runningStatus: string;
  status: 'new' | 'installing' | 'installed' | 'activating' | 'activated' | 'redundant';
}

interface Watch {
  session: CDPSession;
  registrations: Map<string, Registration>;
  activated: Set<string>;
  /** What CDP reported, in order, for the message of a failing test. */
  events: string[];
}

interface WorkerError {
  errorMessage: string;
  sourceURL: string;
  lineNumber: number;
}

const watches = new WeakMap<Page, Watch>();

/**
 * Enables CDP's ServiceWorker domain on `page` so registrations are reported; call it before
 * the page loads, or the registration made during load is never announced.
 */
export async function watchServiceWorkers(page: Page): Promise<void> {
  const session = await page.context().newCDPSession(page);
  const watch: Watch = {
    session, registrations: new Map(), activated: new Set(), events: [],
  };
  const note = (line: string) => watch.events.push(`${new Date().toISOString()} ${line}`);
  session.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
    for (const r of registrations as Registration[]) {
      watch.registrations.set(r.registrationId, r);
      note(`registration ${r.registrationId} ${r.scopeURL}${r.isDeleted ? ' deleted' : ''}`);
    }
  });
  session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions as Version[]) {
      if (v.status === 'activated') watch.activated.add(v.registrationId);
      note(`version ${v.versionId} of ${v.registrationId}: ${v.status}, ${v.runningStatus}`);
    }
  });
  session.on('ServiceWorker.workerErrorReported', ({ errorMessage }) => {
    const { errorMessage: text, sourceURL, lineNumber } = errorMessage as WorkerError;
    note(`error ${text} at ${sourceURL}:${lineNumber}`);
  });
  await session.send('ServiceWorker.enable');
  watches.set(page, watch);
}

/** What CDP said about the page's service workers so far, one line per event. */
export function serviceWorkerLog(page: Page): string {
  return watches.get(page)?.events.join('\n') ?? '(service workers not watched)';
}

/** Waits for an active service worker registered for `origin` and returns its id. */
export async function activeRegistration(page: Page, origin: string): Promise<string> {
  const watch = watches.get(page);
  if (!watch) throw new Error('Open the page with newPage() or watchServiceWorkers() first');
  const scope = new URL('/', origin).href;
  return waitFor(() => {
    const live = [...watch.registrations.values()]
      .filter((r) => !r.isDeleted && r.scopeURL.startsWith(scope))
      .find((r) => watch.activated.has(r.registrationId));
    return live?.registrationId;
  }, { what: `an activated service worker for ${scope}`, timeoutMs: 30_000 });
}

/** Hands `payload` to the page's service worker as a push message, as a push service would. */
export async function deliverPush(page: Page, origin: string, payload: unknown): Promise<void> {
  const registrationId = await activeRegistration(page, origin);
  const data = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const session = watches.get(page)!.session;
  await session.send('ServiceWorker.deliverPushMessage', {
    origin: new URL(origin).origin, registrationId, data,
  });
  watches.get(page)!.events.push(`${new Date().toISOString()} push to ${registrationId}`);
}

export interface ShownNotification {
  title: string;
  tag: string;
  body: string;
  data: unknown;
}

/** The notifications the page's service worker registration is showing. */
export async function getNotifications(page: Page): Promise<ShownNotification[]> {
  return page.evaluate(async () => {
    // Runs in the page; the e2e tsconfig has no DOM types, so name only what is used.
    const { navigator } = globalThis as unknown as PageGlobals;
    const registration = await navigator.serviceWorker.ready;
    const shown = await registration.getNotifications();
    return shown.map((n) => ({ title: n.title, tag: n.tag, body: n.body, data: n.data }));
  });
}

interface PageGlobals {
  navigator: {
    serviceWorker: {
      ready: Promise<{ getNotifications(): Promise<ShownNotification[]> }>;
    };
  };
}
