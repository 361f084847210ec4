import { useI18n } from 'vue-i18n';
import { ApiError } from '../api/client.ts';

/**
 * Turns any failure into a translated sentence: `errors.<code>`, else a generic one. The
 * answer's details fill the message's placeholders: `{names}` from `details.names`.
 */
export function useErrorText() {
  const { t, te } = useI18n();
  return function errorText(error: unknown): string {
    if (error instanceof ApiError && te(`errors.${error.code}`)) {
      return t(`errors.${error.code}`, detailParams(error.details));
    }
    return t('errors.generic');
  };
}

/** Text and numbers as they are, lists joined with commas; anything else is left out. */
export function detailParams(details: Record<string, unknown>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(details)) {
    if (typeof value === 'string' || typeof value === 'number') params[key] = String(value);
    else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
      params[key] = value.join(', ');
    }
  }
  return params;
}
