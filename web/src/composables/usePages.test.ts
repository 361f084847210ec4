import { describe, expect, it } from 'vitest';
import { defineComponent } from 'vue';
import { mountApp } from '../test-utils.ts';
import { usePages, type Page } from './usePages.ts';

/** Pages of two letters from `letters`, newest first, answered as a keyset API would. */
function pagesOf(letters: string[]) {
  const asked: Array<string | undefined> = [];
  let failNext = false;
  const fetchPage = async (before?: string): Promise<Page<string>> => {
    asked.push(before);
    if (failNext) {
      failNext = false;
      throw new TypeError('Failed to fetch');
    }
    const from = before === undefined ? 0 : letters.indexOf(before) + 1;
    const items = letters.slice(from, from + 2);
    return { items, nextBefore: from + 2 < letters.length ? items.at(-1) ?? null : null };
  };
  return { asked, fetchPage, failOnce: () => { failNext = true; } };
}

function mounted(fetchPage: (before?: string) => Promise<Page<string>>) {
  let found: ReturnType<typeof usePages<string>> | undefined;
  mountApp(defineComponent({
    setup() {
      found = usePages(fetchPage);
      return () => null;
    },
  }));
  if (!found) throw new Error('not mounted');
  return found;
}

describe('usePages', () => {
  it('appends each older page after the last one read, and stops at the oldest', async () => {
    const api = pagesOf(['e', 'd', 'c', 'b', 'a']);
    const pages = mounted(api.fetchPage);

    await pages.first.run();
    await pages.next.run();
    await pages.next.run();
    await pages.next.run();

    expect(pages.items.value).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(pages.nextBefore.value).toBeNull();
    expect(api.asked).toEqual([undefined, 'd', 'b']);
  });

  it('reads the list afresh on first, dropping the pages appended and a failed next', async () => {
    const api = pagesOf(['e', 'd', 'c', 'b', 'a']);
    const pages = mounted(api.fetchPage);
    await pages.first.run();
    await pages.next.run();
    api.failOnce();
    await pages.next.run();
    expect(pages.next.error.value).not.toBeNull();

    await pages.first.run();

    expect(pages.items.value).toEqual(['e', 'd']);
    expect(pages.nextBefore.value).toBe('d');
    expect(pages.next.error.value).toBeNull();
    expect(pages.loaded.value).toBe(true);
  });
});
