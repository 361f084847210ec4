/// <reference lib="WebWorker" />
import {
  cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';
import { notificationFromPush, urlForClick } from './notification.ts';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<string | { url: string; revision: string | null }>;
};

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

registerRoute(({ url }) => url.pathname.startsWith('/api/'), new NetworkOnly());
// Every screen is the same index.html: open any route offline.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), {
  denylist: [/^\/api\//],
}));

self.addEventListener('install', () => {
  void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

function maxActions(): number {
  const max = (Notification as unknown as { maxActions?: number }).maxActions;
  return typeof max === 'number' ? max : 0;
}

function pushText(event: PushEvent): string | null {
  try {
    return event.data?.text() ?? null;
  } catch {
    return null;
  }
}

async function showAlert(event: PushEvent): Promise<void> {
  const note = notificationFromPush(pushText(event), {
    maxActions: maxActions(),
    language: self.navigator.language,
  });
  const { title, ...options } = note;
  await self.registration.showNotification(title, options as NotificationOptions);
}

/** navigate() fails on a window this worker does not control; the app then routes itself. */
async function moveTo(client: WindowClient, href: string): Promise<void> {
  try {
    await client.navigate(href);
  } catch {
    client.postMessage({ type: 'turno:navigate', url: href });
  }
}

async function openTurno(event: NotificationEvent): Promise<void> {
  event.notification.close();
  const url = new URL(urlForClick(event.notification.data, event.action), self.location.origin);
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((client) => new URL(client.url).origin === url.origin);
  if (open) {
    const focused = await open.focus();
    await moveTo(focused, url.href);
    return;
  }
  await self.clients.openWindow(url.href);
}

self.addEventListener('push', (event) => {
  event.waitUntil(showAlert(event));
});

self.addEventListener('notificationclick', (event) => {
  event.waitUntil(openTurno(event));
});
