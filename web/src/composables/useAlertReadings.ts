import type { Alert } from '@turno/shared';
import { useI18n } from 'vue-i18n';
import { infraLines, type InfraLine } from '../components/alerts/alert-infra.ts';
import { useCards } from './useCards.ts';
import { useCloudStatus } from './useCloudStatus.ts';
import { useDates } from './useDates.ts';
import { useDuration } from './useDuration.ts';

/**
 * What a probe read when it opened an alert, as sentences in the reader's language ("flotas-
 * develop: libre 7 GiB de 100 GiB (7 %)."); none for an alert no probe reads.
 */
export function useAlertReadings() {
  const { t, te } = useI18n();
  const { fromNow, dateTime } = useDates();
  const { ec2State, pm2Status, rdsStatus } = useCloudStatus();
  const { causeTitle } = useCards();
  const { inAbout } = useDuration();

  /** AWS's and Turno's own words in a line's values, and its counts with their plurals. */
  function inWords(line: InfraLine): InfraLine['params'] {
    const words = { ...line.params };
    if (line.key === 'infraAlert.ec2') words.state = ec2State(String(words.state));
    if (line.key === 'infraAlert.pm2') words.status = pm2Status(String(words.status));
    if (line.key === 'infraAlert.filling') words.when = inAbout(Number(words.hours));
    if (line.key === 'infraAlert.rdsDown') {
      words.status = rdsStatus(String(words.status));
      const role = `status.role.${String(words.role)}`;
      if (te(role)) words.role = t(role);
    }
    if (typeof words.cause === 'string') words.cause = causeTitle(words.cause);
    for (const [name, count] of Object.entries(line.counts ?? {})) {
      words[name] = t(count.key, { n: count.n }, count.n);
    }
    return words;
  }

  const when = (iso: string | null) => (iso ? `${fromNow(iso)} (${dateTime(iso)})` : '—');

  return function readings(alert: Pick<Alert, 'category' | 'detail' | 'resources'>): string[] {
    return infraLines(alert, when).map((line) => t(line.key, inWords(line)));
  };
}
