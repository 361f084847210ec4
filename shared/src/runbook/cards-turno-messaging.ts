import { problems, step } from './step.ts';
import type { Card } from './types.ts';

/** Turno's cards for WhatsApp and email beyond the runbook's: T.11 (the send queue grows). */
export const messagingTurnoCards: Card[] = [
  {
    id: 'T.11',
    problem: problems.whatsapp,
    title: {
      es: 'Se acumulan mensajes de WhatsApp sin enviar',
      en: 'Unsent WhatsApp messages are piling up',
    },
    summary: {
      es: 'Los mensajes se quedan en la cola de UltraMsg y la cola crece en cada revisión. '
        + 'Suele ser la primera señal de que el celular designado perdió la conexión, antes de '
        + 'que la instancia pida escanear el QR. Un mensaje que no sale en 24 horas vence.',
      en: 'Messages stay in UltraMsg\'s queue and the queue grows on every check. It is '
        + 'usually the first sign that the designated phone lost its connection, before the '
        + 'instance asks for a QR scan. A message not sent within 24 hours expires.',
    },
    steps: [
      step('T.11.1',
        'Revisar en Turno el estado de la instancia: si pide QR, seguir la tarjeta 1.1; si '
          + 'dice falta de pago, la 1.2.',
        'Check the instance status in Turno: if it asks for a QR scan, follow card 1.1; if '
          + 'it says non-payment, card 1.2.'),
      step('T.11.2',
        'Verificar que el celular designado esté encendido, con internet y con WhatsApp abierto.',
        'Check that the designated phone is on, online and has WhatsApp open.'),
      step('T.11.3',
        'Entrar a UltraMsg con las credenciales y ver cuántos mensajes hay en la cola.',
        'Sign in to UltraMsg with the credentials and see how many messages are queued.'),
      step('T.11.4',
        'Si la cola tiene cientos de mensajes viejos, vaciarla antes de reconectar: si salen '
          + 'todos de golpe, WhatsApp puede bloquear el número.',
        'If the queue holds hundreds of old messages, clear it before reconnecting: sent all '
          + 'at once, they can get the number blocked by WhatsApp.'),
      step('T.11.5', 'Verificar en Turno que la cola baje en la siguiente revisión.',
        'Check in Turno that the queue goes down on the next check.'),
    ],
    turno: true,
  },
];
