import type { Database, GrowStorageRequest } from '@turno/shared';
import { ref, shallowRef } from 'vue';
import { useApi } from './useApi.ts';
import { useErrorText } from './useErrorText.ts';

/**
 * Grow one instance's storage through its confirm sheet. One Idempotency-Key per confirmed
 * request, reused only when the very same request is retried after a failure.
 */
export function useGrowStorage(done: (database: Database) => Promise<void> | void) {
  const api = useApi();
  const errorText = useErrorText();
  const database = shallowRef<Database | null>(null);
  const busy = ref(false);
  const error = ref<string | null>(null);
  let last: { body: string; key: string } | null = null;

  function ask(next: Database): void {
    database.value = next;
    error.value = null;
    last = null;
  }

  async function accept(request: GrowStorageRequest): Promise<void> {
    const current = database.value;
    if (!current || busy.value) return;
    const body = JSON.stringify(request);
    const key = last?.body === body ? last.key : crypto.randomUUID();
    last = { body, key };
    busy.value = true;
    try {
      const result = await api.growStorage(current.id, request, key);
      database.value = null;
      await done(result.database);
    } catch (cause) {
      error.value = errorText(cause);
    } finally {
      busy.value = false;
    }
  }

  function cancel(): void {
    if (busy.value) return;
    database.value = null;
    error.value = null;
  }

  return { database, busy, error, ask, accept, cancel };
}
