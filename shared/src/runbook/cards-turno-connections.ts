import { problems, step } from './step.ts';
import type { Card } from './types.ts';

/** Turno's cards for connections to the database: T.1, T.3 and T.4. */
export const connectionCards: Card[] = [
  {
    id: 'T.1',
    problem: problems.noData,
    title: { es: 'La base de datos no responde', en: 'The database does not answer' },
    summary: {
      es: 'Las lambdas o el cron no logran conectarse a la base de datos ("connect '
        + 'ECONNREFUSED …:5432" o "Connection terminated unexpectedly"). Suele pasar cuando '
        + 'RDS se reinicia, cambia a la réplica o está detenida. Si aparece una sola vez, '
        + 'casi siempre es una conexión vieja que se cerró y la siguiente ejecución funciona.',
      en: 'The Lambdas or the cron cannot connect to the database ("connect ECONNREFUSED '
        + '…:5432" or "Connection terminated unexpectedly"). It usually happens while RDS '
        + 'reboots, fails over to the replica or is stopped. If it shows up only once, it is '
        + 'almost always an old connection that closed, and the next run works.',
    },
    steps: [
      step('T.1.1',
        'Verificar en Server Health que el error sea "ECONNREFUSED …:5432" o "Connection '
          + 'terminated unexpectedly".',
        'Check in Server Health that the error is "ECONNREFUSED …:5432" or "Connection '
          + 'terminated unexpectedly".'),
      step('T.1.2', 'Entrar a RDS.', 'Open RDS.'),
      step('T.1.3', 'Verificar que la instancia principal esté "Disponible".',
        'Check that the primary instance is "Available".'),
      step('T.1.4', 'Si el estado es "Almacenamiento lleno" (storage-full), seguir la guía 4.1.',
        'If the status is "Storage full" (storage-full), follow card 4.1.'),
      step('T.1.5', 'En "Eventos" de RDS, verificar si hubo un reinicio o un cambio a la réplica.',
        'In RDS "Events", check whether there was a reboot or a failover to the replica.'),
      step('T.1.6',
        'Si la instancia está disponible y el error no se repite, esperar la siguiente '
          + 'ejecución.',
        'If the instance is available and the error does not repeat, wait for the next run.'),
      step('T.1.7',
        'Si el error sigue, avisar al equipo de desarrollo: puede ser la dirección de la base '
          + 'o una regla de red.',
        'If the error goes on, tell the development team: it may be the database address or '
          + 'a network rule.'),
    ],
    turno: true,
  },
  {
    id: 'T.3',
    problem: problems.query,
    title: { es: 'Demasiadas conexiones a la base de datos', en: 'Too many database connections' },
    summary: {
      es: 'La base de datos llegó a su máximo de conexiones y rechaza las nuevas ("sorry, too '
        + 'many clients already" o "remaining connection slots are reserved"). Alguna lambda '
        + 'o proceso abre conexiones y no las cierra. Se libera espacio pausando a quien más '
        + 'falla.',
      en: 'The database reached its maximum number of connections and refuses new ones '
        + '("sorry, too many clients already" or "remaining connection slots are reserved"). '
        + 'Some Lambda or process opens connections and does not close them. Make room by '
        + 'pausing the one that fails most.',
    },
    steps: [
      step('T.3.1',
        'Verificar en Server Health que el error sea "too many clients" o "remaining '
          + 'connection slots are reserved".',
        'Check in Server Health that the error is "too many clients" or "remaining '
          + 'connection slots are reserved".'),
      step('T.3.2', 'Entrar a RDS.', 'Open RDS.'),
      step('T.3.3', 'Verificar la actividad (conexiones) y que la CPU esté dentro del límite.',
        'Check the activity (connections) and that the CPU is within the limit.'),
      step('T.3.4', 'Deshabilitar temporalmente la lambda que más falla en Server Health.',
        'Temporarily disable the Lambda that fails most in Server Health.', 'pause-schedule'),
      step('T.3.5', 'Avisar al equipo de desarrollo qué lambda o proceso abre las conexiones.',
        'Tell the development team which Lambda or process opens the connections.'),
      step('T.3.6', 'Bajadas las conexiones, volver a habilitar la lambda.',
        'Once the connections are down, enable the Lambda again.', 'resume-schedule'),
    ],
    turno: true,
  },
  {
    id: 'T.4',
    problem: problems.query,
    title: {
      es: 'Conexiones de la aplicación agotadas',
      en: 'The application ran out of connections',
    },
    summary: {
      es: 'La base de datos sí responde, pero el programa usó todas sus propias conexiones y '
        + 'ninguna se liberó a tiempo ("timeout exceeded when trying to connect"). No es una '
        + 'caída de RDS: es un problema del código o de su configuración.',
      en: 'The database does answer, but the program used up all of its own connections and '
        + 'none was freed in time ("timeout exceeded when trying to connect"). It is not an '
        + 'RDS outage: it is a problem in the code or its settings.',
    },
    steps: [
      step('T.4.1',
        'Verificar en Server Health que el error sea "timeout exceeded when trying to connect".',
        'Check in Server Health that the error is "timeout exceeded when trying to connect".'),
      step('T.4.2', 'Entrar a RDS y verificar que la instancia esté "Disponible".',
        'Open RDS and check that the instance is "Available".'),
      step('T.4.3', 'Verificar en Server Health qué lambda o proceso lo reporta.',
        'Check in Server Health which Lambda or process reports it.'),
      step('T.4.4', 'Si es un proceso de pm2 en flotas-cron-arc, revisar su log con pm2 logs <id>.',
        'If it is a pm2 process on flotas-cron-arc, read its log with pm2 logs <id>.'),
      step('T.4.5', 'Avisar al equipo de desarrollo: hay conexiones que no se liberan.',
        'Tell the development team: some connections are never released.'),
    ],
    turno: true,
  },
];
