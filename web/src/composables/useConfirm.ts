import { computed, ref, shallowRef } from 'vue';
import { useErrorText } from './useErrorText.ts';

/**
 * An action that runs only after the confirm sheet accepts it. One Idempotency-Key per
 * confirmation, reused when the same confirmation is retried after a failure.
 */
export function useConfirm<A>(run: (action: A, idempotencyKey: string) => Promise<void>) {
  const errorText = useErrorText();
  const pending = shallowRef<{ action: A; key: string } | null>(null);
  const busy = ref(false);
  const error = ref<string | null>(null);
  const action = computed(() => pending.value?.action ?? null);

  function ask(next: A): void {
    pending.value = { action: next, key: crypto.randomUUID() };
    error.value = null;
  }

  async function accept(): Promise<void> {
    const current = pending.value;
    if (!current || busy.value) return;
    busy.value = true;
    try {
      await run(current.action, current.key);
      pending.value = null;
    } catch (cause) {
      error.value = errorText(cause);
    } finally {
      busy.value = false;
    }
  }

  function cancel(): void {
    if (busy.value) return;
    pending.value = null;
    error.value = null;
  }

  return { action, busy, error, ask, accept, cancel };
}
