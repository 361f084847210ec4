import { problems, step } from './step.ts';
import type { Card } from './types.ts';

/** Turno's card for a wrong UltraMsg token or instance id: T.6. */
export const whatsappConfigCard: Card = {
  id: 'T.6',
  problem: problems.whatsapp,
  title: { es: 'Configuración de UltraMsg incorrecta', en: 'Wrong UltraMsg configuration' },
  summary: {
    es: 'UltraMsg no reconoce el token o la instancia con los que UP envía los mensajes ("Wrong '
      + 'token" o "Instance not found"). El pago y el celular pueden estar bien: lo que está '
      + 'mal es el dato guardado en la configuración de UP.',
    en: 'UltraMsg does not recognise the token or the instance UP sends messages with ("Wrong '
      + 'token" or "Instance not found"). Payment and the phone may be fine: what is wrong is '
      + 'the value stored in UP\'s settings.',
  },
  steps: [
    step('T.6.1',
      'Verificar en Server Health que la respuesta sea "Wrong token" o "Instance not found".',
      'Check in Server Health that the response is "Wrong token" or "Instance not found".'),
    step('T.6.2',
      'Entrar a la plataforma de UltraMsg con las credenciales del documento de contraseñas.',
      'Sign in to the UltraMsg platform with the credentials in the passwords document.'),
    step('T.6.3',
      'Verificar que la instancia exista y copiar su id (instance y un número) y su token.',
      'Check that the instance exists and copy its id (instance and a number) and its token.'),
    step('T.6.4', 'Compartir el id y el token con el equipo de desarrollo para que los corrijan.',
      'Share the id and the token with the development team so they correct them.'),
    step('T.6.5', 'Enviar un mensaje de prueba y verificar que la respuesta sea "sent": "true".',
      'Send a test message and check that the response is "sent": "true".'),
  ],
  turno: true,
};
