import { createI18n } from 'vue-i18n';
import type { Locale } from '../stores/settings.ts';
import en from './en.json';
import esMX from './es-MX.json';

export type MessageSchema = typeof esMX;

/** es-MX is the source language; English falls back to it for anything missing. */
export function createTurnoI18n(locale: Locale = 'es-MX') {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'es-MX',
    messages: { 'es-MX': esMX, en },
  });
}
