import type { Bilingual, CardAction, CardStep } from './types.ts';

/** One numbered step, Spanish first, with the button Turno offers for it when there is one. */
export function step(id: string, es: string, en: string, action?: CardAction): CardStep {
  return action ? { id, text: { es, en }, action } : { id, text: { es, en } };
}

/** The runbook's problems (first column of its troubleshooting table). */
export const problems = {
  whatsapp: {
    es: '1. Falla del envío de mensajes de WhatsApp',
    en: '1. WhatsApp messages fail to send',
  },
  telematics: {
    es: '2. Falla en la conectividad de tecnologías (proveedores de telemetría)',
    en: '2. Connectivity failure with the technologies (telematics providers)',
  },
  email: {
    es: '3. Falla en el envío de correos electrónicos (Gmail)',
    en: '3. Emails fail to send (Gmail)',
  },
  noData: {
    es: '4. No se muestran datos en la plataforma',
    en: '4. The platform shows no data',
  },
  query: {
    es: '5. Error en la consulta',
    en: '5. Query error',
  },
} satisfies Record<string, Bilingual>;
