import { useI18n } from 'vue-i18n';

/**
 * A person's role in the reader's words, or null when their name already says it: the dev
 * user "operador" is an operador, and "operador (operador)" says nothing twice.
 */
export function useRoleWord(): (user: string, role: string | null | undefined) => string | null {
  const { t } = useI18n();
  return (user, role) => {
    if (!role) return null;
    const word = t(`roles.${role}`);
    return word.toLowerCase() === user.trim().toLowerCase() ? null : word;
  };
}
