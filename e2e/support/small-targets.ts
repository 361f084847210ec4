import type { Page } from 'playwright-core';

/** A control smaller than a finger: under 48 × 48 CSS px. */
export interface SmallTarget {
  what: string;
  width: number;
  height: number;
}

// Runs in the page; the e2e tsconfig has no DOM types, so name only what is used.
interface PageControl {
  tagName: string;
  textContent: string | null;
  dataset: Record<string, string | undefined>;
  getAttribute(name: string): string | null;
  checkVisibility(): boolean;
  getBoundingClientRect(): { width: number; height: number };
}
interface PageGlobals {
  document: { querySelectorAll(selector: string): Iterable<PageControl> };
}

/**
 * Visible buttons, fields and button-like links under 48 × 48 CSS px (WCAG 2.5.5, Material's
 * 48 dp). Checkboxes and radios are left out: their label is the target.
 */
export function smallTargets(page: Page): Promise<SmallTarget[]> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as PageGlobals;
    const controls = 'button, select, textarea, a.button, '
      + 'input:not([type="checkbox"]):not([type="radio"]):not([type="hidden"])';
    const found: SmallTarget[] = [];
    for (const control of document.querySelectorAll(controls)) {
      if (!control.checkVisibility()) continue;
      const { width, height } = control.getBoundingClientRect();
      // Half a pixel of rounding: 47.99 px is a 48 px box.
      if (width >= 47.5 && height >= 47.5) continue;
      const name = control.dataset.testid ?? control.getAttribute('aria-label')
        ?? control.textContent?.trim().slice(0, 30) ?? '';
      found.push({ what: `${control.tagName} ${name}`, width, height });
    }
    return found;
  });
}
