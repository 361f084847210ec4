import type { Bilingual } from '@turno/shared';
import { useI18n } from 'vue-i18n';
import type { AuditWords } from '../components/audit/audit-words.ts';
import { useCards } from './useCards.ts';
import { useCloudStatus } from './useCloudStatus.ts';
import { useDates } from './useDates.ts';
import { useProbeName } from './useProbeName.ts';

/** The helpers the audit page puts a row into words with, in the reader's language. */
export function useAuditWords(): AuditWords {
  const { t, te } = useI18n();
  const { dateTime } = useDates();
  const { rdsStatus } = useCloudStatus();
  const { cardFor, text } = useCards();
  const resourceName = useProbeName();
  return {
    t: (key, params, plural) => {
      if (plural !== undefined) return t(key, params ?? {}, plural);
      return params ? t(key, params) : t(key);
    },
    te: (key) => te(key),
    dateTime,
    rdsStatus,
    cardTitle: (card) => {
      const found = cardFor(card);
      return found ? text(found.title) : null;
    },
    text: (value: Bilingual) => text(value),
    resourceName,
  };
}
