import type { Locator, Page } from 'playwright-core';

/** A word the page split across lines although it fits on one. */
export interface BrokenWord {
  word: string;
  /** The element holding it: tag and test id or class, for the failure message. */
  where: string;
  lines: number;
}

// Runs in the page; the e2e tsconfig has no DOM types, so name only what is used.
interface PageElement {
  tagName: string;
  className: string;
  dataset: Record<string, string | undefined>;
  clientWidth: number;
  closest(selector: string): PageElement | null;
  checkVisibility(): boolean;
}
interface PageText {
  textContent: string | null;
  parentElement: PageElement | null;
}
interface PageRange {
  setStart(node: PageText, offset: number): void;
  setEnd(node: PageText, offset: number): void;
  getClientRects(): Iterable<{ top: number; width: number }>;
}
interface PageGlobals {
  innerWidth: number;
  document: {
    body: unknown;
    querySelector(selector: string): PageElement | null;
    createTreeWalker(root: unknown, show: number): { nextNode(): PageText | null };
    createRange(): PageRange;
  };
}

/**
 * Words (split at spaces and hyphens, where wrapping is normal) that the layout broke over
 * several lines though they are narrower than the page: a squeezed column, as "d / b. / t4g."
 * was. Code samples and form fields are left out: a long token may wrap there by design.
 */
export function brokenWords(page: Page): Promise<BrokenWord[]> {
  return page.evaluate(() => {
    const { document, innerWidth } = globalThis as unknown as PageGlobals;
    const showText = 4; // NodeFilter.SHOW_TEXT
    const skip = 'pre, code, textarea, input, select, script, style';
    // The page's text column less its panels' padding: a wider word has to break anyway.
    const column = (document.querySelector('main')?.clientWidth ?? innerWidth) - 64;
    const found: BrokenWord[] = [];
    const walker = document.createTreeWalker(document.body, showText);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const holder = node.parentElement;
      if (!holder || holder.closest(skip) || !holder.checkVisibility()) continue;
      for (const match of (node.textContent ?? '').matchAll(/[^\s\u00a0\-‐–—]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
        const lines = new Set(rects.map((rect) => Math.round(rect.top))).size;
        const width = rects.reduce((sum, rect) => sum + rect.width, 0);
        if (lines > 1 && width < column) {
          const name = holder.dataset.testid ?? holder.className;
          found.push({ word: match[0], where: `${holder.tagName} ${name}`.trim(), lines });
        }
      }
    }
    return found;
  });
}

/** How many lines an element's text takes: its height over its line height. */
export function lineCount(element: Locator): Promise<number> {
  return element.evaluate((node) => {
    const { getComputedStyle } = globalThis as unknown as {
      getComputedStyle(element: unknown): { lineHeight: string };
    };
    const height = (node as { getBoundingClientRect(): { height: number } })
      .getBoundingClientRect().height;
    return Math.round(height / Number.parseFloat(getComputedStyle(node).lineHeight));
  });
}
