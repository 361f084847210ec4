import { Duration } from 'luxon';
import { useI18n } from 'vue-i18n';

const hoursPerDay = 24;
const daysPerYear = 365;

/** Rough times ahead as people say them: "en unos 151 días", not "en 3,626.2 h". */
export function useDuration() {
  const { locale, t } = useI18n();

  const human = (units: { hours: number } | { days: number }) =>
    Duration.fromObject(units, { locale: locale.value }).toHuman({ unitDisplay: 'long' });

  /** How soon, from a number of hours: hours under two days, days under a year. */
  function inAbout(hours: number): string {
    if (hours < 1) return t('duration.lessThanHour');
    if (hours < 1.5) return t('duration.aboutHour');
    if (hours < 2 * hoursPerDay) {
      return t('duration.aboutHours', { value: human({ hours: Math.round(hours) }) });
    }
    const days = Math.round(hours / hoursPerDay);
    if (days >= daysPerYear) return t('duration.overYear');
    return t('duration.aboutDays', { value: human({ days }) });
  }

  return { inAbout };
}
