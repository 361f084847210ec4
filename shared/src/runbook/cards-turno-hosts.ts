import { problems, step } from './step.ts';
import type { Card } from './types.ts';

/** The group of T.10: a problem of Turno itself, not of the platform. */
const turnoWatch = {
  es: 'T. Turno no puede revisar la plataforma',
  en: 'T. Turno cannot check the platform',
};

/** Turno's cards for the EC2 instances and the pm2 cron: T.7, T.8 and T.9. */
export const hostCards: Card[] = [
  {
    id: 'T.7',
    problem: problems.noData,
    title: {
      es: 'Disco del servidor cron casi lleno',
      en: 'The cron server\'s disk is almost full',
    },
    summary: {
      es: 'El disco de flotas-cron-arc pasó del límite de uso (85 % si no se configuró otro). '
        + 'Casi siempre son los logs de pm2, que crecen hasta llenarlo; con el disco lleno los '
        + 'procesos dejan de escribir y los eventos de ocurrencia de ARC se detienen. '
        + '"pm2 flush" borra esos logs y libera el espacio.',
      en: 'The disk of flotas-cron-arc went over its use limit (85 % unless set otherwise). It '
        + 'is almost always the pm2 logs, which grow until they fill it; with the disk full the '
        + 'processes stop writing and ARC\'s occurrence events stop. "pm2 flush" deletes those '
        + 'logs and frees the space.',
    },
    steps: [
      step('T.7.1', 'Abrir "Servidor cron" en Turno o entrar a flotas-cron-arc con EC2 Instance '
        + 'Connect.',
      'Open "Cron server" in Turno or connect to flotas-cron-arc with EC2 Instance Connect.'),
      step('T.7.2', 'Verificar el uso del disco.', 'Check the disk use.'),
      step('T.7.3', 'Si hace falta revisar un error reciente, leerlo antes con pm2 logs <id>: '
        + 'el siguiente paso lo borra.',
      'If a recent error needs looking into, read it first with pm2 logs <id>: the next step '
        + 'deletes it.'),
      step('T.7.4', 'Borrar los logs de pm2 (pm2 flush).', 'Delete the pm2 logs (pm2 flush).',
        'flush-pm2'),
      step('T.7.5', 'Verificar que el uso del disco bajó y que los tres procesos sigan "online".',
        'Check that the disk use went down and that the three processes are still "online".'),
      step('T.7.6', 'Si el disco vuelve a llenarse en pocos días, avisar al equipo de desarrollo '
        + 'para que agregue rotación de logs.',
      'If the disk fills up again within a few days, tell the development team so they add '
        + 'log rotation.'),
    ],
    turno: true,
  },
  {
    id: 'T.8',
    problem: problems.noData,
    title: {
      es: 'Una instancia EC2 no pasa sus comprobaciones de estado',
      en: 'An EC2 instance fails its status checks',
    },
    summary: {
      es: 'AWS revisa cada instancia cada minuto: la comprobación del sistema (el equipo y la '
        + 'red de AWS), la de la instancia (su sistema operativo) y la de EBS adjunto (sus '
        + 'discos). Si alguna falla, o la instancia está detenida, lo que corre en ella se '
        + 'detiene: en flotas-application-develop, todo UP; en flotas-cron-arc, el cron de pm2.',
      en: 'AWS checks each instance every minute: the system check (AWS\'s hardware and '
        + 'network), the instance check (its operating system) and the attached EBS check (its '
        + 'disks). If any fails, or the instance is stopped, what runs on it stops: on '
        + 'flotas-application-develop, all of UP; on flotas-cron-arc, the pm2 cron.',
    },
    steps: [
      step('T.8.1', 'Entrar a EC2, "Instancias".', 'Open EC2, "Instances".'),
      step('T.8.2', 'Verificar el estado de la instancia y su "Comprobación de estado": lo '
        + 'normal es que pasen todas (3/3; 2/2 en una instancia sin la comprobación de EBS). '
        + '"Iniciando" o "Datos insuficientes" todavía no es una falla: esperar unos minutos.',
      'Check the instance state and its "Status check": normally all pass (3/3; 2/2 on an '
        + 'instance without the EBS check). "Initializing" or "Insufficient data" is not a '
        + 'failure yet: wait a few minutes.'),
      step('T.8.3', 'Si está detenida, preguntar al equipo de desarrollo si es por un cambio de '
        + 'código (solo se detienen por eso); si no, iniciarla.',
      'If it is stopped, ask the development team whether it is for a code change (that is '
        + 'the only reason they stop); if not, start it.'),
      step('T.8.4', 'Si es flotas-application-develop, esperar unos minutos: el autoescalamiento '
        + 'del clúster de ECS reemplaza la instancia sin afectar el servicio.',
      'If it is flotas-application-develop, wait a few minutes: the ECS cluster\'s '
        + 'autoscaling replaces the instance without affecting the service.'),
      step('T.8.5', 'Si falla la comprobación de la instancia, reiniciarla.',
        'If the instance check fails, reboot it.'),
      step('T.8.6', 'Si falla la comprobación del sistema, detenerla e iniciarla (reiniciar no '
        + 'basta): AWS la mueve a otro equipo. La IP pública de flotas-cron-arc puede cambiar.',
      'If the system check fails, stop and start it (a reboot is not enough): AWS moves it to '
        + 'other hardware. The public IP of flotas-cron-arc may change.'),
      step('T.8.7', 'Si sigue fallando, avisar al equipo de desarrollo.',
        'If it keeps failing, tell the development team.'),
    ],
    turno: true,
  },
  {
    id: 'T.9',
    problem: problems.noData,
    title: { es: 'Un proceso de pm2 no está en línea', en: 'A pm2 process is not online' },
    summary: {
      es: 'En flotas-cron-arc corren tres procesos de pm2 (Linde-Ocurrences, Linde-Locations y '
        + 'Linde-External) que deben estar "online". Uno detenido ("stopped") o con error '
        + '("errored") deja de recorrer los eventos de ocurrencia de ARC. Si el demonio de pm2 '
        + 'no corre, no corre ninguno.',
      en: 'Three pm2 processes run on flotas-cron-arc (Linde-Ocurrences, Linde-Locations and '
        + 'Linde-External) and must be "online". One that is stopped or errored no longer goes '
        + 'through ARC\'s occurrence events. If the pm2 daemon is not running, none of them is.',
    },
    steps: [
      step('T.9.1', 'Abrir "Servidor cron" en Turno o entrar a flotas-cron-arc con EC2 Instance '
        + 'Connect (los procesos corren como ssm-user).',
      'Open "Cron server" in Turno or connect to flotas-cron-arc with EC2 Instance Connect '
        + '(the processes run as ssm-user).'),
      step('T.9.2', 'Ver con pm2 list cuál proceso no está "online".',
        'See with pm2 list which process is not "online".'),
      step('T.9.3', 'Revisar su log con pm2 logs <id> para saber por qué se detuvo.',
        'Read its log with pm2 logs <id> to learn why it stopped.'),
      step('T.9.4', 'Si el disco está lleno, seguir primero la guía T.7.',
        'If the disk is full, follow card T.7 first.'),
      step('T.9.5', 'Si el error es de conexión a la base de datos ("ECONNREFUSED …:5432"), '
        + 'seguir la guía T.1.',
      'If the error is a database connection error ("ECONNREFUSED …:5432"), follow card T.1.'),
      step('T.9.6', 'Reiniciar el proceso con pm2 restart <id> y verificar que quede "online".',
        'Restart the process with pm2 restart <id> and check that it stays "online".'),
      step('T.9.7', 'Si vuelve a caerse, avisar al equipo de desarrollo con el log.',
        'If it goes down again, tell the development team and share the log.'),
    ],
    turno: true,
  },
  {
    id: 'T.10',
    problem: turnoWatch,
    title: { es: 'Una revisión de Turno no se pudo hacer', en: 'A Turno check could not run' },
    summary: {
      es: 'Turno revisa por su cuenta RDS, EC2, pm2, WhatsApp y Gmail cada pocos minutos. Esta '
        + 'revisión falló dos veces seguidas: no quiere decir que esa parte esté caída, sino '
        + 'que mientras no se corrija nadie la está vigilando.',
      en: 'Turno checks RDS, EC2, pm2, WhatsApp and Gmail on its own every few minutes. This '
        + 'check failed twice in a row: it does not mean that part is down, but that until it '
        + 'is fixed nobody is watching it.',
    },
    steps: [
      step('T.10.1', 'Leer en la alerta qué revisión falla y el error que dio.',
        'Read on the alert which check fails and the error it gave.'),
      step('T.10.2', 'Revisar esa parte a mano: en la consola de AWS (RDS, EC2) o en la '
        + 'plataforma del servicio (UltraMsg, Google Cloud).',
      'Check that part by hand: in the AWS console (RDS, EC2) or on the service\'s platform '
        + '(UltraMsg, Google Cloud).'),
      step('T.10.3', 'Si el error habla de permisos ("AccessDenied", "not authorized"), avisar '
        + 'al equipo de desarrollo: al rol de Turno le falta un permiso.',
      'If the error is about permissions ("AccessDenied", "not authorized"), tell the '
        + 'development team: Turno\'s role is missing a permission.'),
      step('T.10.4', 'Si el error es de tiempo de espera o de conexión, esperar la siguiente '
        + 'revisión: la alerta se cierra sola cuando vuelve a funcionar.',
      'If the error is a timeout or a connection error, wait for the next check: the alert '
        + 'closes by itself once it works again.'),
      step('T.10.5', 'Si sigue fallando, avisar al equipo de desarrollo con el error.',
        'If it keeps failing, tell the development team and share the error.'),
    ],
    turno: true,
  },
];
