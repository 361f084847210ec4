import { ref, type Ref } from 'vue';
import { useAction } from './useAction.ts';

/** One page of a newest-first list, and where the next older one starts (null: none). */
export interface Page<T> {
  items: T[];
  nextBefore: string | null;
}

/**
 * A list read page by page, newest first: `first` reads it afresh, `next` appends the page
 * older than the last one read. Each keeps its own busy flag and translated error.
 */
export function usePages<T>(fetchPage: (before?: string) => Promise<Page<T>>) {
  const items = ref([]) as Ref<T[]>;
  const nextBefore = ref<string | null>(null);
  const loaded = ref(false);

  async function read(before?: string): Promise<void> {
    const page = await fetchPage(before);
    items.value = before === undefined ? page.items : [...items.value, ...page.items];
    nextBefore.value = page.nextBefore;
    loaded.value = true;
  }

  const first = useAction(async () => {
    await read();
    // A failed "load more" belongs to the list just replaced.
    next.error.value = null;
  });
  const next = useAction(async () => {
    if (nextBefore.value !== null) await read(nextBefore.value);
  });

  return { items, nextBefore, loaded, first, next };
}
