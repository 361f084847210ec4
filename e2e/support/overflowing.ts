import type { Page } from 'playwright-core';

// Runs in the page; the e2e tsconfig has no DOM types, so name only what is used.
interface PageElement {
  tagName: string;
  className: unknown;
  dataset: Record<string, string | undefined>;
  getBoundingClientRect(): { width: number; right: number };
}
interface PageGlobals {
  document: {
    documentElement: { clientWidth: number };
    querySelectorAll(selector: string): Iterable<PageElement>;
  };
}

/**
 * Elements whose box reaches past the right edge of the screen, which a phone shows as a page
 * that scrolls sideways with its cards cut off. Each as `tag.class (testid): right edge`.
 */
export function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as PageGlobals;
    const edge = document.documentElement.clientWidth;
    const found: string[] = [];
    for (const element of document.querySelectorAll('body *')) {
      const { width, right } = element.getBoundingClientRect();
      // Half a pixel of rounding, as for the touch targets.
      if (width === 0 || right <= edge + 0.5) continue;
      const name = typeof element.className === 'string' ? element.className : '';
      const id = element.dataset.testid ? ` (${element.dataset.testid})` : '';
      found.push(`${element.tagName.toLowerCase()}.${name}${id}: ${Math.round(right)} px`);
    }
    return found;
  });
}
