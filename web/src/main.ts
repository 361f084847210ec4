import { createPinia } from 'pinia';
import { createApp } from 'vue';
import { createWebHistory } from 'vue-router';
import App from './App.vue';
import { createTurnoI18n } from './i18n/index.ts';
import { createTurnoRouter } from './router.ts';
import { useSettingsStore } from './stores/settings.ts';
import './styles.css';

const pinia = createPinia();
const router = createTurnoRouter(createWebHistory(), pinia);
const app = createApp(App).use(pinia).use(router);
app.use(createTurnoI18n(useSettingsStore(pinia).locale));
app.mount('#app');

// The built worker is a classic script (rollupFormat 'iife' in vite.config.ts).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  void navigator.serviceWorker.register('/sw.js', { scope: '/' });
  // The worker asks the app to route itself when it cannot navigate the window.
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as { type?: string; url?: string } | null;
    if (data?.type !== 'turno:navigate' || !data.url) return;
    const url = new URL(data.url, location.origin);
    if (url.origin === location.origin) void router.push(url.pathname + url.search);
  });
}
