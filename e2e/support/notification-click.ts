import type { BrowserContext, Worker } from 'playwright-core';
import { waitFor } from './wait-for.ts';

/** What the worker's own click listener gave back, and the notification it was handed. */
export interface ActionClick {
  /** The value the listener passed to `waitUntil` resolved to ("acknowledged", "opened"…). */
  result: string;
  /** The clicked notification's actions, as the browser kept them. */
  actions: string[];
}

interface NotificationLike {
  tag: string;
  actions: Array<{ action: string }>;
}

// Runs in the service worker; the e2e tsconfig has no WebWorker types, so name only what is used.
interface WorkerGlobals {
  registration: { getNotifications(filter: { tag: string }): Promise<NotificationLike[]> };
  NotificationEvent: new (
    type: string, init: { notification: NotificationLike; action: string },
  ) => object;
  dispatchEvent(event: object): boolean;
  indexedDB: {
    open(name: string): {
      onsuccess: (() => void) | null;
      onerror: (() => void) | null;
      onupgradeneeded: (() => void) | null;
      transaction: { abort(): void } | null;
      result: {
        objectStoreNames: { contains(name: string): boolean };
        transaction(store: string): {
          objectStore(store: string): {
            get(key: string): { onsuccess: (() => void) | null; result: unknown };
          };
        };
        close(): void;
      };
    };
  };
}

/** The running service worker of `origin`; the browser may have stopped and restarted it. */
export async function serviceWorkerOf(context: BrowserContext, origin: string): Promise<Worker> {
  const script = new URL('/sw.js', origin).href;
  return waitFor(() => context.serviceWorkers().find((worker) => worker.url() === script), {
    what: `the service worker ${script}`, timeoutMs: 30_000,
  });
}

/** Waits until the app has handed its session to the worker (IndexedDB "turno-worker"). */
export async function waitForWorkerSession(context: BrowserContext, origin: string) {
  await waitFor(async () => {
    const worker = await serviceWorkerOf(context, origin);
    const stored = await worker.evaluate(() => new Promise<boolean>((resolve) => {
      const { indexedDB } = globalThis as unknown as WorkerGlobals;
      const request = indexedDB.open('turno-worker');
      // Only look: creating the database here would leave it without the app's store.
      request.onupgradeneeded = () => request.transaction?.abort();
      request.onerror = () => resolve(false);
      request.onsuccess = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains('keyval')) {
          db.close();
          resolve(false);
          return;
        }
        const get = db.transaction('keyval').objectStore('keyval').get('session');
        get.onsuccess = () => {
          db.close();
          resolve(typeof (get.result as { token?: unknown } | undefined)?.token === 'string');
        };
      };
    }));
    return stored ? true : undefined;
  }, { what: 'the app to hand its session to the service worker', timeoutMs: 30_000 });
}

/**
 * Clicks `action` of the notification tagged `tag`, as the phone's user would, and waits for
 * the worker to finish handling it.
 *
 * Headless Chromium shows notifications nowhere a test can click, and CDP has no command
 * for it (puppeteer/puppeteer#3461). So this makes, inside the worker, the event the browser
 * would fire: a NotificationEvent around the real notification from getNotifications(),
 * dispatched to the worker's own listener. Browsers refuse `waitUntil` on an event made by
 * script, so the event gets one that keeps the promise, which this then awaits.
 */
export async function clickNotificationAction(
  context: BrowserContext, origin: string, tag: string, action: string,
): Promise<ActionClick> {
  const worker = await serviceWorkerOf(context, origin);
  return worker.evaluate(async ({ tag: wanted, action: chosen }) => {
    const self = globalThis as unknown as WorkerGlobals;
    const [notification] = await self.registration.getNotifications({ tag: wanted });
    if (!notification) throw new Error(`No notification tagged ${wanted} is showing`);
    const event = new self.NotificationEvent('notificationclick', {
      notification, action: chosen,
    });
    let handled: Promise<unknown> | undefined;
    Object.defineProperty(event, 'waitUntil', {
      value: (promise: Promise<unknown>) => {
        handled = promise;
      },
    });
    self.dispatchEvent(event);
    if (!handled) throw new Error('The worker did not handle the notification click');
    return {
      result: String(await handled),
      actions: notification.actions.map((a) => a.action),
    };
  }, { tag, action });
}
