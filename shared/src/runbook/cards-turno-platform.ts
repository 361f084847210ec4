import { problems, step } from './step.ts';
import type { Card } from './types.ts';

/** Turno's card for a failure of the whole platform at once: T.12. */
export const platformCard: Card = {
  id: 'T.12',
  problem: problems.noData,
  title: { es: 'Todas las funciones están fallando', en: 'Every function is failing' },
  summary: {
    es: 'Todas las lambdas que Turno administra, las que están habilitadas, registraron errores '
      + 'en los últimos minutos. Cuando fallan todas a la vez la causa casi nunca es un '
      + 'proveedor: es algo que comparten, como la base de datos, la red o la cuenta de AWS. '
      + 'Pausar las funciones una por una no lo arregla.',
    en: 'Every Lambda Turno manages, the enabled ones, logged errors in the last few minutes. '
      + 'When they all fail at once the cause is almost never a provider: it is something '
      + 'they share, such as the database, the network or the AWS account. Pausing the '
      + 'functions one by one does not fix it.',
  },
  steps: [
    step('T.12.1',
      'Abrir Server Health y verificar que todas las funciones muestren errores recientes.',
      'Open Server Health and check that every function shows recent errors.'),
    step('T.12.2',
      'Leer el error que más se repite y buscar si Turno abrió otra alerta con su tarjeta.',
      'Read the error that repeats most and look for another alert Turno opened with its card.'),
    step('T.12.3',
      'Entrar a RDS y verificar que la instancia principal esté "Disponible" y con '
        + 'almacenamiento libre; si no, seguir la guía T.1 o la 4.1.',
      'Open RDS and check that the primary instance is "Available" and has free storage; '
        + 'if not, follow card T.1 or 4.1.'),
    step('T.12.4',
      'Si la base de datos está bien y todas dicen "timeout" o "ECONNREFUSED", revisar en '
        + 'AWS Health si hay una falla en la región.',
      'If the database is fine and they all say "timeout" or "ECONNREFUSED", check AWS '
        + 'Health for an outage in the region.'),
    step('T.12.5',
      'Avisar al equipo de desarrollo con el error más repetido y la hora en que empezó.',
      'Tell the development team the most repeated error and the time it started.'),
    step('T.12.6',
      'Verificar en Server Health que los errores dejen de llegar.',
      'Check in Server Health that the errors stop coming.'),
  ],
  turno: true,
};
