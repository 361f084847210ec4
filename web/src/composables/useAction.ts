import { ref } from 'vue';
import { useErrorText } from './useErrorText.ts';

/** A one-tap action: ignores taps while it runs and keeps the translated error. */
export function useAction(task: () => Promise<void>) {
  const errorText = useErrorText();
  const busy = ref(false);
  const error = ref<string | null>(null);

  async function run(): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    try {
      await task();
      error.value = null;
    } catch (cause) {
      error.value = errorText(cause);
    } finally {
      busy.value = false;
    }
  }

  return { busy, error, run };
}
