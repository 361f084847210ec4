import type { CategoryId } from '../diagnosis/types.ts';
import type { Bilingual } from './types.ts';

/**
 * What is going on, for the causes whose card tells a later stage of the same problem: card
 * 4.1 says the disk is full, a probe's early warning says it is filling. Its steps still fix it.
 */
const summaries: Partial<Record<CategoryId, Bilingual>> = {
  'rds-storage-low': {
    es: 'El disco de la base de datos (RDS) se está llenando: todavía guarda todo, pero cuando '
      + 'se llene PostgreSQL no podrá guardar nada más y la plataforma dejará de mostrar datos. '
      + 'Se evita a tiempo dándole más almacenamiento a la instancia con los pasos de la '
      + 'tarjeta 4.1 (4.1.4 a 4.1.8); no se pierde información ni se detiene la base.',
    en: 'The database disk (RDS) is filling up: it still stores everything, but once it is full '
      + 'PostgreSQL will not be able to store anything more and the platform will stop showing '
      + 'data. Prevent it in time by giving the instance more storage with card 4.1\'s steps '
      + '(4.1.4 to 4.1.8); no data is lost and the database does not stop.',
  },
};

/** The cause's own summary when its card's would say too much; undefined to use the card's. */
export function categorySummary(category: CategoryId): Bilingual | undefined {
  return summaries[category];
}
