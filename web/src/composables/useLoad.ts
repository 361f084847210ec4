import { ref, shallowRef, type Ref } from 'vue';
import { useErrorText } from './useErrorText.ts';

/**
 * One remote read: its data, whether it runs, and the translated error if it failed, with the
 * failure as thrown for a page that treats one apart (a 404 is not a network problem).
 */
export function useLoad<T>(read: () => Promise<T>) {
  const errorText = useErrorText();
  const data = shallowRef<T | null>(null) as Ref<T | null>;
  const loading = ref(false);
  const error = ref<string | null>(null);
  const failure = shallowRef<unknown>(null);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      data.value = await read();
      error.value = null;
      failure.value = null;
    } catch (cause) {
      error.value = errorText(cause);
      failure.value = cause;
    } finally {
      loading.value = false;
    }
  }

  return { data, loading, error, failure, load };
}
