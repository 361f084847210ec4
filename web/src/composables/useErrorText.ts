import { useI18n } from 'vue-i18n';
import { ApiError } from '../api/client.ts';

/** Turns any failure into a translated sentence: `errors.<code>`, else a generic one. */
export function useErrorText() {
  const { t, te } = useI18n();
  return function errorText(error: unknown): string {
    if (error instanceof ApiError && te(`errors.${error.code}`)) return t(`errors.${error.code}`);
    return t('errors.generic');
  };
}
