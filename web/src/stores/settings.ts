import { appLocales, defaultLocale, type AppLocale } from '@turno/shared';
import { defineStore } from 'pinia';
import { ref, watch } from 'vue';

export const locales = appLocales;
export type Locale = AppLocale;
export const themes = ['system', 'light', 'dark'] as const;
export type Theme = (typeof themes)[number];

function saved<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
  const value = localStorage.getItem(key);
  return allowed.find((item) => item === value) ?? fallback;
}

/** Language and theme, chosen in Ajustes and kept on the device. */
export const useSettingsStore = defineStore('settings', () => {
  const locale = ref<Locale>(saved('turno.locale', locales, defaultLocale));
  const theme = ref<Theme>(saved('turno.theme', themes, 'system'));

  watch(locale, (value) => localStorage.setItem('turno.locale', value));
  watch(theme, (value) => localStorage.setItem('turno.theme', value));

  return { locale, theme };
});
