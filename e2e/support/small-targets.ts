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
  type?: string;
  textContent: string | null;
  dataset: Record<string, string | undefined>;
  labels?: ArrayLike<PageControl> | null;
  getAttribute(name: string): string | null;
  checkVisibility(): boolean;
  getBoundingClientRect(): { width: number; height: number };
}
interface PageGlobals {
  document: { querySelectorAll(selector: string): Iterable<PageControl> };
}

/**
 * Visible buttons, fields, disclosure toggles (`<summary>`), button-like links, checkboxes and
 * radios under 48 × 48 CSS px (WCAG 2.5.5, Material's 48 dp). A checkbox or radio is measured
 * by its label, which a tap toggles it through; one without a label by its own box.
 */
export function smallTargets(page: Page): Promise<SmallTarget[]> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as PageGlobals;
    const controls = 'button, select, textarea, summary, a.button, input:not([type="hidden"])';
    const found: SmallTarget[] = [];
    for (const control of document.querySelectorAll(controls)) {
      if (!control.checkVisibility()) continue;
      const toggle = control.type === 'checkbox' || control.type === 'radio';
      const target = (toggle ? control.labels?.[0] : undefined) ?? control;
      const { width, height } = target.getBoundingClientRect();
      // Half a pixel of rounding: 47.99 px is a 48 px box.
      if (width >= 47.5 && height >= 47.5) continue;
      const text = target.textContent?.trim().slice(0, 30) ?? '';
      const name = control.dataset.testid ?? control.getAttribute('aria-label') ?? text;
      const what = target === control ? `${control.tagName} ${name}`
        : `${target.tagName} of ${control.type} ${name}: ${text}`;
      found.push({ what, width, height });
    }
    return found;
  });
}
