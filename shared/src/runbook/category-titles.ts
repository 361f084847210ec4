import type { CategoryId } from '../diagnosis/types.ts';
import type { Bilingual } from './types.ts';

const titles: Record<CategoryId, Bilingual> = {
  'provider-timeout': {
    es: 'El proveedor tarda en responder',
    en: 'The provider is slow to answer',
  },
  'provider-rate-limited': {
    es: 'El proveedor pide bajar la frecuencia (429)',
    en: 'The provider asks to slow down (429)',
  },
  'provider-server-error': {
    es: 'Falla del lado del proveedor (5xx)',
    en: 'The provider failed on its side (5xx)',
  },
  'provider-unauthorized': {
    es: 'El proveedor rechaza las credenciales',
    en: 'The provider rejects the credentials',
  },
  'provider-forbidden': {
    es: 'Usuario bloqueado por el proveedor (403)',
    en: 'User blocked by the provider (403)',
  },
  'provider-unreachable': {
    es: 'No se puede llegar al proveedor',
    en: 'The provider cannot be reached',
  },
  'database-disk-full': { es: 'Almacenamiento de RDS lleno', en: 'RDS storage full' },
  'database-unreachable': {
    es: 'La base de datos no responde',
    en: 'The database does not answer',
  },
  'database-deadlock': {
    es: 'Bloqueo mutuo en la base de datos',
    en: 'Deadlock in the database',
  },
  'database-too-many-connections': {
    es: 'Demasiadas conexiones a la base de datos',
    en: 'Too many database connections',
  },
  'database-pool-exhausted': {
    es: 'Conexiones de la aplicación agotadas',
    en: 'The application ran out of connections',
  },
  'database-statement-timeout': {
    es: 'Consulta cancelada por tardar demasiado',
    en: 'Query cancelled for taking too long',
  },
  'database-auth-failed': {
    es: 'Contraseña de la base de datos incorrecta',
    en: 'Wrong database password',
  },
  'whatsapp-logged-out': {
    es: 'WhatsApp desconectado: hay que escanear el QR',
    en: 'WhatsApp logged out: scan the QR code',
  },
  'whatsapp-unpaid': {
    es: 'UltraMsg detenido por falta de pago',
    en: 'UltraMsg stopped for non-payment',
  },
  'whatsapp-config': {
    es: 'Configuración de UltraMsg incorrecta',
    en: 'Wrong UltraMsg configuration',
  },
  'gmail-token': {
    es: 'Token de Gmail incorrecto o vencido',
    en: 'Gmail token wrong or expired',
  },
  'gmail-saturated': {
    es: 'Gmail saturado: se alcanzó el límite de envío',
    en: 'Gmail saturated: the sending limit was reached',
  },
  'whatsapp-unhealthy': {
    es: 'WhatsApp (UltraMsg) en un estado inesperado',
    en: 'WhatsApp (UltraMsg) in an unexpected status',
  },
  'whatsapp-queue-growing': {
    es: 'Se acumulan mensajes de WhatsApp sin enviar',
    en: 'Unsent WhatsApp messages are piling up',
  },
  'rds-cpu-high': {
    es: 'CPU de la base de datos sobre la línea roja',
    en: 'Database CPU above the red line',
  },
  'rds-storage-low': {
    es: 'Queda poco almacenamiento en RDS',
    en: 'RDS storage is running low',
  },
  'rds-storage-full': { es: 'RDS sin almacenamiento (storage-full)', en: 'RDS storage full' },
  'ec2-status-failed': {
    es: 'Una instancia EC2 no pasa sus comprobaciones',
    en: 'An EC2 instance fails its status checks',
  },
  'pm2-process-down': {
    es: 'Un proceso de pm2 no está en línea',
    en: 'A pm2 process is not online',
  },
  'cron-disk-full': {
    es: 'Disco de flotas-cron-arc casi lleno',
    en: 'flotas-cron-arc disk almost full',
  },
  'rds-unavailable': {
    es: 'La base de datos está detenida o no disponible',
    en: 'The database is stopped or unavailable',
  },
  'all-functions-failing': {
    es: 'Todas las funciones están fallando',
    en: 'Every function is failing',
  },
  'probe-failed': {
    es: 'Turno no pudo hacer una revisión',
    en: 'Turno could not run a check',
  },
  'probe-overdue': {
    es: 'Una revisión de Turno está atrasada',
    en: 'A Turno check is overdue',
  },
  unclassified: { es: 'Error sin clasificar', en: 'Unclassified error' },
};

/** A short human name for a cause, for alert titles, pushes and the diagnose screen. */
export function categoryTitle(category: CategoryId): Bilingual {
  return titles[category] ?? titles.unclassified; // a category stored by an older version
}
