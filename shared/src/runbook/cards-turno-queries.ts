import { problems, step } from './step.ts';
import type { Card } from './types.ts';

/** Turno's cards for queries the database refuses to finish: T.2 and T.5. */
export const queryCards: Card[] = [
  {
    id: 'T.2',
    problem: problems.query,
    title: { es: 'Bloqueo mutuo en la base de datos', en: 'Deadlock in the database' },
    summary: {
      es: 'Dos consultas se esperaron una a la otra al mismo tiempo y la base de datos canceló '
        + 'una ("deadlock detected"). Un caso aislado se corrige solo en la siguiente '
        + 'ejecución; si se repite, dos lambdas chocan y hay que validar sus solicitudes.',
      en: 'Two queries waited for each other at the same time and the database cancelled one '
        + '("deadlock detected"). A single case fixes itself on the next run; if it repeats, '
        + 'two Lambdas collide and their requests must be checked.',
    },
    steps: [
      step('T.2.1', 'Verificar en Server Health que el error sea "deadlock detected".',
        'Check in Server Health that the error is "deadlock detected".'),
      step('T.2.2', 'Verificar en la columna Función qué lambdas fallan al mismo tiempo.',
        'Check in the Function column which Lambdas fail at the same time.'),
      step('T.2.3', 'Si es un caso aislado, esperar la siguiente ejecución.',
        'If it is a single case, wait for the next run.'),
      step('T.2.4', 'Si se repite, deshabilitar temporalmente una de esas lambdas.',
        'If it repeats, temporarily disable one of those Lambdas.', 'pause-schedule'),
      step('T.2.5', 'Pedir al equipo de desarrollo que valide las solicitudes.',
        'Ask the development team to check the requests.'),
      step('T.2.6', 'Corregidas las solicitudes, volver a habilitar la lambda.',
        'Once the requests are fixed, enable the Lambda again.', 'resume-schedule'),
    ],
    turno: true,
  },
  {
    id: 'T.5',
    problem: problems.query,
    title: {
      es: 'Consulta cancelada por tardar demasiado',
      en: 'Query cancelled for taking too long',
    },
    summary: {
      es: 'La base de datos canceló una consulta que pasó de su tiempo máximo ("canceling '
        + 'statement due to statement timeout"). Suele pasar cuando la CPU está alta o una '
        + 'tabla creció mucho. Si la CPU se acerca a la línea roja, se pausa la lambda.',
      en: 'The database cancelled a query that went past its time limit ("canceling statement '
        + 'due to statement timeout"). It usually happens when the CPU is high or a table grew '
        + 'a lot. If the CPU nears the red line, pause the Lambda.',
    },
    steps: [
      step('T.5.1',
        'Verificar en Server Health que el error sea "canceling statement due to statement '
          + 'timeout".',
        'Check in Server Health that the error is "canceling statement due to statement '
          + 'timeout".'),
      step('T.5.2', 'Entrar a RDS.', 'Open RDS.'),
      step('T.5.3', 'Verificar que la CPU esté dentro del límite.',
        'Check that the CPU is within the limit.'),
      step('T.5.4', 'Si la CPU se acerca a la línea roja, deshabilitar la lambda que más falla.',
        'If the CPU nears the red line, disable the Lambda that fails most.', 'pause-schedule'),
      step('T.5.5', 'Avisar al equipo de desarrollo qué lambda tarda y a qué hora.',
        'Tell the development team which Lambda is slow and at what time.'),
      step('T.5.6', 'Normalizada la CPU, volver a habilitar la lambda.',
        'Once the CPU is back to normal, enable the Lambda again.', 'resume-schedule'),
    ],
    turno: true,
  },
];
