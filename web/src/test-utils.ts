import { mount, type ComponentMountingOptions } from '@vue/test-utils';
import { createPinia } from 'pinia';
import type { Component } from 'vue';
import { createMemoryHistory } from 'vue-router';
import { createTurnoI18n } from './i18n/index.ts';
import { createTurnoRouter } from './router.ts';
import type { Locale } from './stores/settings.ts';

/** Mounts with fresh Pinia, i18n (es-MX by default) and router as the app does; none shared. */
export function mountApp<C extends Component>(
  component: C,
  options: ComponentMountingOptions<C> = {} as ComponentMountingOptions<C>,
  locale: Locale = 'es-MX',
) {
  const pinia = createPinia();
  const router = createTurnoRouter(createMemoryHistory(), pinia);
  const i18n = createTurnoI18n(locale);
  const wrapper = mount(component, {
    ...options,
    global: { ...options.global, plugins: [pinia, router, i18n] },
  } as ComponentMountingOptions<C>);
  return { wrapper, router, pinia };
}
