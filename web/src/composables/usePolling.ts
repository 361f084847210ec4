import { onMounted, onUnmounted } from 'vue';

/**
 * Runs `tick` now, every `ms` while the page is visible, when the window regains focus and as
 * soon as the browser is back online, until the page is left or `stop()` is called;
 * `restart()` starts it over, even after `stop()`.
 */
export function usePolling(tick: () => Promise<void>, ms: number) {
  let timer: ReturnType<typeof setInterval> | undefined;

  function pause(): void {
    clearInterval(timer);
    timer = undefined;
  }

  function start(): void {
    pause();
    timer = setInterval(() => void tick(), ms);
  }

  function onVisibility(): void {
    if (document.visibilityState !== 'visible') return pause();
    void tick();
    start();
  }

  function onFocusOrOnline(): void {
    void tick();
  }

  function stop(): void {
    pause();
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('focus', onFocusOrOnline);
    window.removeEventListener('online', onFocusOrOnline);
  }

  function begin(): void {
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('focus', onFocusOrOnline);
    window.addEventListener('online', onFocusOrOnline);
    onVisibility();
  }

  onMounted(begin);
  onUnmounted(stop);

  return {
    stop,
    restart: () => {
      stop();
      begin();
    },
  };
}
