import type { Drill } from '../drills.ts';

/** Drill names the messaging sandbox answers to. */
export const messagingDrillNames = {
  loggedOut: 'whatsapp-logged-out',
  unpaid: 'whatsapp-unpaid',
  wrongToken: 'whatsapp-wrong-token',
  standby: 'whatsapp-standby',
  queue: 'whatsapp-queue-growing',
  invalidGrant: 'gmail-invalid-grant',
} as const;

const names = messagingDrillNames;

/** The drills of the WhatsApp (UltraMsg) and Gmail sandbox; their state is read per answer. */
export const messagingDrills: Drill[] = [
  {
    name: names.loggedOut,
    probe: 'ultramsg',
    title: { es: 'WhatsApp pide escanear el QR', en: 'WhatsApp asks for a QR scan' },
    description: {
      es: 'La instancia queda en estado "qr", como cuando el celular no se abre en 14 días. '
        + 'Se abre la tarjeta 1.1 con el código QR.',
      en: 'The instance goes to status "qr", as when the phone is not opened for 14 days. '
        + 'Card 1.1 opens with the QR code.',
    },
  },
  {
    name: names.unpaid,
    probe: 'ultramsg',
    title: { es: 'UltraMsg sin pago', en: 'UltraMsg unpaid' },
    description: {
      es: 'UltraMsg responde "Stopped due to non-payment". Se abre la tarjeta 1.2.',
      en: 'UltraMsg answers "Stopped due to non-payment". Card 1.2 opens.',
    },
  },
  {
    name: names.wrongToken,
    probe: 'ultramsg',
    title: { es: 'Token de UltraMsg incorrecto', en: 'Wrong UltraMsg token' },
    description: {
      es: 'UltraMsg responde "Wrong token". Se abre la tarjeta T.6 (configuración).',
      en: 'UltraMsg answers "Wrong token". Card T.6 (configuration) opens.',
    },
  },
  {
    name: names.standby,
    probe: 'ultramsg',
    title: { es: 'Instancia en un estado raro', en: 'Instance in an odd status' },
    description: {
      es: 'La instancia responde "standby / normal": Turno lo muestra tal cual.',
      en: 'The instance answers "standby / normal": Turno shows it as it is.',
    },
  },
  {
    name: names.queue,
    probe: 'ultramsg',
    title: { es: 'Se acumulan mensajes', en: 'Messages pile up' },
    description: {
      es: 'La cola de envío crece en cada revisión, como cuando el celular perdió conexión. '
        + 'Se abre la tarjeta T.11 como aviso temprano.',
      en: 'The send queue grows on every check, as when the phone lost its connection. '
        + 'Card T.11 opens as an early warning.',
    },
  },
  {
    name: names.invalidGrant,
    probe: 'gmail',
    title: { es: 'Token de Gmail vencido', en: 'Gmail token expired' },
    description: {
      es: 'Google responde "invalid_grant" al renovar el token. Se abre la tarjeta 3.2.',
      en: 'Google answers "invalid_grant" when the token is refreshed. Card 3.2 opens.',
    },
  },
];
