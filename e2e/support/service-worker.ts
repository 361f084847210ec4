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

interface BackgroundEvent {
  service: string;
  eventName: string;
  eventMetadata: Array<{ key: string; value: string }>;
}

interface Watch {
  session: CDPSession;
  registrations: Map<string, Registration>;
  activated: Set<string>;
  /** Status of each push event that finished ("Success", …), in order. */
  pushOutcomes: string[];
  /** What CDP reported, in order, for the message of a failing test. */
  events: string[];
}

const watches = new WeakMap<Page, Watch>();

/**
 * Enables CDP's ServiceWorker domain on `page` so registrations are reported; call it before
 * the page loads, or the registration made during load is never announced. Also records push
 * and notification events (DevTools' Background Services) to know when a push was handled.
 */
export async function watchServiceWorkers(page: Page): Promise<void> {
  const session = await page.context().newCDPSession(page);
  const watch: Watch = {
    session, registrations: new Map(), activated: new Set(), pushOutcomes: [], events: [],
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
    note(`error ${(errorMessage as { errorMessage: string }).errorMessage}`);
  });
  session.on('BackgroundService.backgroundServiceEventReceived', (params) => {
    const { service, eventName, eventMetadata } = params.backgroundServiceEvent as BackgroundEvent;
    note(`${service}: ${eventName} ${eventMetadata.map((m) => `${m.key}=${m.value}`).join(' ')}`);
    if (service === 'pushMessaging' && eventName === 'Push event completed') {
      watch.pushOutcomes.push(eventMetadata.find((m) => m.key === 'Status')?.value ?? '?');
    }
  });

  for (const service of ['pushMessaging', 'notifications'] as const) {
    await session.send('BackgroundService.startObserving', { service });
    await session.send('BackgroundService.setRecording', { shouldRecord: true, service });
  }
  await session.send('ServiceWorker.enable');
  watches.set(page, watch);
}

function watchOf(page: Page): Watch {
  const watch = watches.get(page);
  if (!watch) throw new Error('Open the page with newPage() or watchServiceWorkers() first');
  return watch;
}

/** What CDP said about the page's service workers so far, one line per event. */
export function serviceWorkerLog(page: Page): string {
  return watches.get(page)?.events.join('\n') ?? '(service workers not watched)';
}

/** Waits for an active service worker registered for `origin` and returns its id. */
export async function activeRegistration(page: Page, origin: string): Promise<string> {
  const watch = watchOf(page);
  const scope = new URL('/', origin).href;
  return waitFor(() => {
    const live = [...watch.registrations.values()]
      .filter((r) => !r.isDeleted && r.scopeURL.startsWith(scope))
      .find((r) => watch.activated.has(r.registrationId));
    return live?.registrationId;
  }, { what: `an activated service worker for ${scope}`, timeoutMs: 30_000 });
}

/**
 * Hands `payload` to the page's service worker as a push message, as a push service would,
 * and waits until its push event has finished; returns that event's status ("Success").
 */
export async function deliverPush(page: Page, origin: string, payload: unknown): Promise<string> {
  const watch = watchOf(page);
  const registrationId = await activeRegistration(page, origin);
  const data = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const before = watch.pushOutcomes.length;

  await watch.session.send('ServiceWorker.deliverPushMessage', {
    origin: new URL(origin).origin, registrationId, data,
  });

  // Reading notifications while one is still being shown can drop it in Chromium, so wait.
  return waitFor(() => watch.pushOutcomes[before], {
    what: 'the service worker to finish handling the push', timeoutMs: 30_000,
  });
}
