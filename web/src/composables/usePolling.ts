import { onMounted, onUnmounted } from 'vue';

/**
 * Runs `tick` now, every `ms` while the page is visible, when the window regains focus and as
 * soon as the browser is back online.
 */
export function usePolling(tick: () => Promise<void>, ms: number): void {
  let timer: ReturnType<typeof setInterval> | undefined;

  function stop(): void {
    clearInterval(timer);
    timer = undefined;
  }

  function start(): void {
    stop();
    timer = setInterval(() => void tick(), ms);
  }

  function onVisibility(): void {
    if (document.visibilityState !== 'visible') return stop();
    void tick();
    start();
  }

  function onFocusOrOnline(): void {
    void tick();
  }

  onMounted(() => {
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('focus', onFocusOrOnline);
    window.addEventListener('online', onFocusOrOnline);
    onVisibility();
  });

  onUnmounted(() => {
    stop();
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('focus', onFocusOrOnline);
    window.removeEventListener('online', onFocusOrOnline);
  });
}
