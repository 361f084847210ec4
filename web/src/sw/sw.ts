/// <reference lib="WebWorker" />
import {
  cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';
import { handleNotificationClick } from './click.ts';
import { notificationFromPush } from './notification.ts';
import { openTurno } from './open-turno.ts';
import { resubscribe } from './resubscribe.ts';
import { readWorkerSession } from './sw-session.ts';

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

self.addEventListener('push', (event) => {
  event.waitUntil(showAlert(event));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(handleNotificationClick(event.notification.data, event.action, {
    readSession: readWorkerSession,
    fetch: (url, init) => fetch(url, init),
    show: (title, options) => self.registration.showNotification(title, {
      ...options, lang: self.navigator.language, icon: '/icons/icon-192.png',
    }),
    open: (path) => openTurno(path, { origin: self.location.origin, clients: self.clients }),
    language: self.navigator.language,
    now: () => Date.now(),
    newKey: () => self.crypto.randomUUID(),
  }));
});

// The push service rotated this device's subscription: store the new one without the app.
self.addEventListener('pushsubscriptionchange', (event: Event) => {
  const change = event as ExtendableEvent & { oldSubscription?: PushSubscription | null };
  change.waitUntil(resubscribe(change.oldSubscription ?? null));
});
