import type { Page } from 'playwright-core';

export interface ShownNotification {
  title: string;
  tag: string;
  body: string;
  data: unknown;
}

interface PageGlobals {
  navigator: {
    serviceWorker: {
      ready: Promise<{ getNotifications(): Promise<ShownNotification[]> }>;
    };
  };
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
