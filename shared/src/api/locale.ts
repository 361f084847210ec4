import type { Bilingual } from '../runbook/types.ts';

/** The languages the app speaks: es-MX first, English second. */
export const appLocales = ['es-MX', 'en'] as const;
export type AppLocale = (typeof appLocales)[number];

/** What a device is assumed to speak until it says otherwise. */
export const defaultLocale: AppLocale = 'es-MX';

export function isAppLocale(value: unknown): value is AppLocale {
  return appLocales.some((locale) => locale === value);
}

/** A bilingual text in one of the app's locales: `inLocale(card.title, 'en')`. */
export function inLocale(text: Bilingual, locale: AppLocale): string {
  return locale === 'en' ? text.en : text.es;
}
