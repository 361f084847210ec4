import { problems, step } from './step.ts';
import type { Bilingual, Card, CardStep } from './types.ts';

// The runbook repeats these steps word for word; each card gives them its own number.
const FIND_LAMBDA: Bilingual = {
  es: 'Verificar en Server Health qué lambda no ejecuta.',
  en: 'In Server Health, check which Lambda is not running.',
};
const OPEN_RDS: Bilingual = { es: 'Entrar a RDS.', en: 'Open RDS.' };
const CHECK_CPU: Bilingual = {
  es: 'Verificar que la CPU esté dentro del límite.',
  en: 'Check that the CPU is within the limit.',
};
const OPEN_EVENTBRIDGE: Bilingual = { es: 'Entrar a EventBridge.', en: 'Open EventBridge.' };
const MATCH_NAME: Bilingual = {
  es: 'Verificar que el nombre de la lambda coincida con el de Server Health.',
  en: 'Check that the Lambda\'s name matches the one in Server Health.',
};

const numbered = (id: string, text: Bilingual): CardStep => ({ id, text });

/** The runbook's cards for the data the platform shows: 4.1, 5.1 and 5.2. */
export const dataCards: Card[] = [
  {
    id: '4.1',
    problem: problems.noData,
    title: { es: 'Almacenamiento de RDS lleno', en: 'RDS storage full' },
    summary: {
      es: 'El disco de la base de datos (RDS) se llenó: PostgreSQL no puede guardar nada más '
        + '("could not extend file …: No space left on device"), así que ninguna lambda '
        + 'guarda datos y la plataforma deja de mostrarlos. Se arregla dándole más '
        + 'almacenamiento a la instancia; no se pierde información.',
      en: 'The database disk (RDS) is full: PostgreSQL cannot store anything more ("could not '
        + 'extend file …: No space left on device"), so no Lambda saves data and the platform '
        + 'stops showing it. It is fixed by giving the instance more storage; no data is lost.',
    },
    steps: [
      step('4.1.1', 'Verificar que el error en Server Health se refiera al almacenamiento.',
        'Check that the error in Server Health is about storage.'),
      numbered('4.1.2', OPEN_RDS),
      numbered('4.1.3', CHECK_CPU),
      step('4.1.4', 'Elegir la instancia a aumentar.', 'Choose the instance to grow.',
        'grow-storage'),
      step('4.1.5', '"Modificar".', '"Modify".'),
      step('4.1.6', 'Escribir el nuevo valor de "Almacenamiento asignado" y continuar.',
        'Type the new "Allocated storage" value and continue.'),
      step('4.1.7', 'Elegir "Aplicar inmediatamente".', 'Choose "Apply immediately".'),
      step('4.1.8', '"Modificar instancia de BD".', '"Modify DB instance".'),
    ],
    turno: false,
  },
  {
    id: '5.1',
    problem: problems.query,
    title: { es: 'Falla en las consultas a las APIs', en: 'Queries to the APIs fail' },
    summary: {
      es: 'Una lambda no logra consultar la API del proveedor: tarda demasiado ("timeout of '
        + '4000ms exceeded"), el proveedor pide bajar la frecuencia (429), falla de su lado '
        + '(500) o no se puede llegar a él. Si los errores siguen y la CPU de la base sube, '
        + 'se desactiva la lambda para no saturar.',
      en: 'A Lambda cannot query the provider\'s API: it takes too long ("timeout of 4000ms '
        + 'exceeded"), the provider asks to slow down (429), fails on its side (500) or '
        + 'cannot be reached. If the errors go on and the database CPU climbs, disable the '
        + 'Lambda so it does not overload anything.',
    },
    steps: [
      numbered('5.1.1', FIND_LAMBDA),
      numbered('5.1.2', OPEN_RDS),
      numbered('5.1.3', CHECK_CPU),
      numbered('5.1.4', OPEN_EVENTBRIDGE),
      numbered('5.1.5', MATCH_NAME),
      step('5.1.6', 'Desactivar la lambda.', 'Disable the Lambda.', 'pause-schedule'),
    ],
    turno: false,
  },
  {
    id: '5.2',
    problem: problems.query,
    title: { es: 'Las contraseñas son erróneas', en: 'The passwords are wrong' },
    summary: {
      es: 'Una contraseña que usa la lambda es incorrecta: la del proveedor (responde 401) o '
        + 'la de la base de datos ("password authentication failed"). La lambda fallará en '
        + 'cada ejecución hasta que los desarrolladores la corrijan.',
      en: 'A password the Lambda uses is wrong: the provider\'s (it answers 401) or the '
        + 'database\'s ("password authentication failed"). The Lambda will fail on every run '
        + 'until the developers correct it.',
    },
    steps: [
      numbered('5.2.1', FIND_LAMBDA),
      numbered('5.2.2', OPEN_RDS),
      numbered('5.2.3', OPEN_EVENTBRIDGE),
      numbered('5.2.4', MATCH_NAME),
    ],
    turno: false,
  },
];
