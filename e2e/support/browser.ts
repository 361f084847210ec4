import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { watchServiceWorkers } from './service-worker.ts';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Quiet, deterministic Chromium: no background fetches, updates or QUIC to a real network.
const args = [
  '--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-quic',
  '--no-first-run', '--disable-component-update', '--disable-sync',
];

export interface PhoneBrowser {
  browser: Browser;
  context: BrowserContext;
  /** A new tab that reports service workers to the harness (see deliverPush). */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Debian's Chromium as a phone (390×844 unless told; 360 is the narrowest common one) in es-MX,
 * with notifications allowed for `origin`.
 */
export async function launchBrowser(
  origin: string, viewport = { width: 390, height: 844 },
): Promise<PhoneBrowser> {
  // CHROMIUM_ARGS adds flags for a debugging session, e.g. "--enable-logging=stderr --v=1".
  const extra = process.env.CHROMIUM_ARGS?.split(' ').filter(Boolean) ?? [];
  const browser = await chromium.launch({
    executablePath: chromiumPath, headless: true, args: [...args, ...extra],
  });
  try {
    const context = await browser.newContext({
      viewport,
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'es-MX',
      timezoneId: 'America/Mexico_City',
      serviceWorkers: 'allow',
    });
    await context.grantPermissions(['notifications'], { origin });
    return {
      browser,
      context,
      async newPage() {
        const page = await context.newPage();
        await watchServiceWorkers(page);
        return page;
      },
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
