import { useI18n } from 'vue-i18n';

/**
 * A Turno probe or messaging service by the name Estado gives it ("Disco del servidor cron" for
 * `cron-disk`); any other name, or a probe this version has no words for, as it is.
 */
export function useProbeName(): (name: string) => string {
  const { t, te } = useI18n();
  return (name) => {
    const key = `probes.name.${name}`;
    return te(key) ? t(key) : name;
  };
}
