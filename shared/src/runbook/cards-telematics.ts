import { problems, step } from './step.ts';
import type { Card } from './types.ts';

/** The runbook's cards for the telematics providers (MiX, Guardian): 2.1 and 2.2. */
export const telematicsCards: Card[] = [
  {
    id: '2.1',
    problem: problems.telematics,
    title: { es: 'Usuario bloqueado', en: 'User blocked' },
    summary: {
      es: 'El proveedor de telemetría (MiX o Guardian) bloqueó el usuario con el que UP '
        + 'consulta sus datos y responde 403 (prohibido). Mientras siga bloqueado, la lambda '
        + 'solo acumula errores: se pausa, se pide la reactivación y se vuelve a encender.',
      en: 'The telematics provider (MiX or Guardian) blocked the user UP reads its data with '
        + 'and answers 403 (forbidden). While it stays blocked the Lambda only piles up '
        + 'errors: pause it, ask for reactivation, then turn it back on.',
    },
    steps: [
      step('2.1.1', 'En "Server Health" de UP verificar el error que devuelve la tecnología.',
        'In UP\'s "Server Health", check the error the technology returns.'),
      step('2.1.2', 'Buscar la lambda que consulta ese servicio.',
        'Find the Lambda that queries that service.'),
      step('2.1.3', 'Deshabilitarla temporalmente.', 'Disable it temporarily.',
        'pause-schedule'),
      step('2.1.4', 'Pedir al proveedor la reactivación de la cuenta.',
        'Ask the provider to reactivate the account.'),
      step('2.1.5', 'Reactivada la cuenta, volver a habilitar la lambda.',
        'Once the account is reactivated, enable the Lambda again.', 'resume-schedule'),
    ],
    turno: false,
  },
  {
    id: '2.2',
    problem: problems.telematics,
    title: { es: 'Cambio en la contraseña', en: 'Password changed' },
    summary: {
      es: 'El proveedor rechaza el usuario y la contraseña con los que UP entra (MiX responde '
        + '"invalid_grant" o "Authorisation error"). Casi siempre alguien cambió la contraseña '
        + 'o la cuenta quedó bloqueada. Los desarrolladores deben cargar los accesos nuevos.',
      en: 'The provider rejects the user name and password UP signs in with (MiX answers '
        + '"invalid_grant" or "Authorisation error"). Almost always someone changed the '
        + 'password or the account got locked. The developers must load the new credentials.',
    },
    steps: [
      step('2.2.1', 'Verificar que usuario y contraseña estén correctos y actualizados.',
        'Check that the user name and password are correct and up to date.'),
      step('2.2.2', 'Si no, pedir al proveedor la reactivación y proceder.',
        'If not, ask the provider for reactivation and proceed.'),
      step('2.2.3',
        'Compartir los nuevos accesos con los desarrolladores para que apliquen el cambio.',
        'Share the new credentials with the developers so they apply the change.'),
    ],
    turno: false,
  },
];
