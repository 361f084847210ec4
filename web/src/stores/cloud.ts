import type { HealthResponse } from '@turno/shared';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';

/** What Turno's API runs on, from the public health check: the sandbox or AWS. */
export const useCloudStore = defineStore('cloud', () => {
  const kind = ref<HealthResponse['cloud'] | null>(null);
  const sandbox = computed(() => kind.value === 'sandbox');
  let asking: Promise<void> | null = null;

  /** Asks once; a failed ask (offline, a 503) is asked again on the next call. */
  function learn(read: () => Promise<HealthResponse>): Promise<void> {
    if (kind.value !== null) return Promise.resolve();
    asking ??= read().then((health) => {
      kind.value = health.cloud;
    }, () => undefined).finally(() => {
      asking = null;
    });
    return asking;
  }

  return { kind, sandbox, learn };
});
