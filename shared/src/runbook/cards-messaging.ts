import { problems, step } from './step.ts';
import type { Card } from './types.ts';

/** The runbook's cards for WhatsApp (UltraMsg) and email (Gmail): 1.1, 1.2, 3.1, 3.2. */
export const messagingCards: Card[] = [
  {
    id: '1.1',
    problem: problems.whatsapp,
    title: {
      es: 'No se ha ingresado al equipo en más de 15 días',
      en: 'The phone has not been opened in more than 15 days',
    },
    summary: {
      es: 'WhatsApp desconectó la instancia de UltraMsg porque el celular designado no se ha '
        + 'usado en más de 14 días. Mientras no se vuelva a vincular, ningún mensaje sale. '
        + 'Se arregla abriendo WhatsApp en ese celular y escaneando de nuevo el código QR.',
      en: 'WhatsApp unlinked the UltraMsg instance because the designated phone has not been '
        + 'used for more than 14 days. Until it is linked again, no message goes out. It is '
        + 'fixed by opening WhatsApp on that phone and scanning the QR code again.',
    },
    steps: [
      step('1.1.1', 'Entrar a WhatsApp en el celular designado.',
        'Open WhatsApp on the designated phone.'),
      step('1.1.2',
        'Entrar a la plataforma de UltraMsg con las credenciales del documento de contraseñas.',
        'Sign in to the UltraMsg platform with the credentials in the passwords document.'),
      step('1.1.3', 'Habilitar la instancia de conexión.', 'Enable the connection instance.'),
      step('1.1.4',
        'Compartir el token generado con el equipo de desarrollo para restablecer el servicio.',
        'Share the generated token with the development team to restore the service.'),
    ],
    turno: false,
  },
  {
    id: '1.2',
    problem: problems.whatsapp,
    title: { es: 'No se ha emitido el pago', en: 'The payment has not been made' },
    summary: {
      es: 'UltraMsg detuvo la instancia por falta de pago ("Stopped due to non-payment"). '
        + 'Las credenciales están bien: es un asunto de cobro. Después de pagar, UltraMsg '
        + 'tarda hasta 5 minutos en reactivar el envío.',
      en: 'UltraMsg stopped the instance for non-payment ("Stopped due to non-payment"). '
        + 'The credentials are fine: it is a billing matter. After paying, UltraMsg takes up '
        + 'to 5 minutes to resume sending.',
    },
    steps: [
      step('1.2.1', 'Entrar a UltraMsg con las credenciales.',
        'Sign in to UltraMsg with the credentials.'),
      step('1.2.2', 'En pagos, verificar que la tarjeta esté activa.',
        'In payments, check that the card is active.'),
      step('1.2.3', 'Si hace falta, ingresar una tarjeta nueva.',
        'If needed, enter a new card.'),
    ],
    turno: false,
  },
  {
    id: '3.1',
    problem: problems.email,
    title: { es: 'Saturación en el envío de correos', en: 'Email sending is saturated' },
    summary: {
      es: 'Gmail limita cuántos correos se envían. Con "User-rate limit exceeded. Retry '
        + 'after <hora>" se puede reintentar a esa hora. Con "Daily user sending quota '
        + 'exceeded" (o 5.4.5) se llegó al límite diario: hay que esperar hasta 24 horas y '
        + 'el límite se libera solo.',
      en: 'Gmail limits how many emails are sent. With "User-rate limit exceeded. Retry '
        + 'after <time>" sending can be retried at that time. With "Daily user sending quota '
        + 'exceeded" (or 5.4.5) the daily limit was reached: wait up to 24 hours and the '
        + 'limit lifts by itself.',
    },
    steps: [
      step('3.1.1', 'Verificar que la respuesta del API sea correcta.',
        'Check that the API response is correct.'),
      step('3.1.2',
        'Si equivale a saturación, la espera es de 24 h; el sistema debe enviar una respuesta '
          + 'temporal de forma automática.',
        'If it amounts to saturation, the wait is 24 h; the system must send a temporary '
          + 'response automatically.'),
    ],
    turno: false,
  },
  {
    id: '3.2',
    problem: problems.email,
    title: { es: 'Token incorrecto', en: 'Wrong token' },
    summary: {
      es: 'Google ya no acepta el token con el que UP envía correos ("invalid_grant: Token '
        + 'has been expired or revoked."). Pasa si alguien revocó el acceso, cambió la '
        + 'contraseña de la cuenta o el token no se usó en 6 meses; si se repite cada 7 días, '
        + 'la app de Google Cloud sigue en modo "Testing". Hay que autorizar de nuevo.',
      en: 'Google no longer accepts the token UP sends email with ("invalid_grant: Token has '
        + 'been expired or revoked."). It happens when someone revoked access, changed the '
        + 'account password, or the token went unused for 6 months; if it recurs every 7 days, '
        + 'the Google Cloud app is still in "Testing" mode. It must be authorised again.',
    },
    steps: [
      step('3.2.1', 'Verificar la respuesta del API en Server Health.',
        'Check the API response in Server Health.'),
      step('3.2.2', 'Entrar a Google Cloud.', 'Sign in to Google Cloud.'),
      step('3.2.3', 'En el API de Gmail verificar que aparezca el token.',
        'In the Gmail API, check that the token is there.'),
    ],
    turno: false,
  },
];
