import { ref, watch } from 'vue';

function read(key: string): string[] {
  try {
    const value = JSON.parse(localStorage.getItem(key) ?? '[]') as unknown;
    return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/** Which steps of one card are ticked, kept on the device per card. */
export function useGuideProgress(cardId: () => string) {
  const key = () => `turno.guide.${cardId()}`;
  const done = ref<string[]>(read(key()));

  watch(cardId, () => {
    done.value = read(key());
  });

  function toggle(stepId: string, checked: boolean): void {
    const rest = done.value.filter((id) => id !== stepId);
    done.value = checked ? [...rest, stepId] : rest;
    localStorage.setItem(key(), JSON.stringify(done.value));
  }

  function reset(): void {
    done.value = [];
    localStorage.removeItem(key());
  }

  return { done, toggle, reset };
}
