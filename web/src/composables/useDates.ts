import { useI18n } from 'vue-i18n';

export const timeZone = 'America/Mexico_City';

const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400], ['hour', 3_600], ['minute', 60],
];

/** Dates as the on-call team reads them: Mexico City time, in the chosen language. */
export function useDates() {
  const { locale } = useI18n();

  function dateTime(iso: string | null | undefined): string {
    if (!iso) return '—';
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    return new Intl.DateTimeFormat(locale.value, {
      timeZone, dateStyle: 'medium', timeStyle: 'short',
    }).format(date);
  }

  function fromNow(iso: string | null | undefined, now = Date.now()): string {
    if (!iso) return '—';
    const seconds = (Date.parse(iso) - now) / 1000;
    if (Number.isNaN(seconds)) return iso;
    const format = new Intl.RelativeTimeFormat(locale.value, { numeric: 'auto' });
    for (const [unit, size] of units) {
      if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
    }
    return format.format(Math.round(seconds), 'second');
  }

  return { dateTime, fromNow };
}
