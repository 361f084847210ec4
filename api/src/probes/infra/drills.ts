import type { SandboxCloud } from '../../cloud/sandbox.ts';
import type { AppDeps } from '../../types.ts';
import type { Drill } from '../drills.ts';
import { syncInfraDrills } from './drill-sync.ts';
import { cronDiskProbeName, pm2ProbeName, rdsProbeName } from './probe-names.ts';

/** A drill of the sandbox's RDS, EC2 or cron host: what it breaks, from when it was turned on. */
export interface InfraDrill extends Drill {
  breakSandbox(cloud: SandboxCloud, since: Date): void;
}

const minute = 60_000;
const primary = 'flotas-develop';
/** A drill that begins as a problem already this many minutes old. */
const minutesBefore = (since: Date, minutes: number) =>
  new Date(since.getTime() - minutes * minute);

/** Applies on the spot in this process; other processes catch up on their probes' next run. */
const apply = (deps: AppDeps) => syncInfraDrills(deps);

/** Drills for the RDS, EC2, pm2 and cron-disk probes, breaking the sandbox the runbook copies. */
export const infraDrills: InfraDrill[] = [
  {
    name: 'rds-cpu-high',
    probe: rdsProbeName,
    title: { es: 'CPU de RDS arriba de la línea roja', en: 'RDS CPU over the red line' },
    description: {
      es: 'La CPU de flotas-develop lleva 15 minutos al 95 %. Se abre la tarjeta 5.1 con la '
        + 'función que más falla y el botón para pausar su programación.',
      en: 'The CPU of flotas-develop has been at 95 % for 15 minutes. Card 5.1 opens with the '
        + 'function that fails most and the button to pause its schedule.',
    },
    breakSandbox: (cloud, since) =>
      cloud.rds.drills.spikeCpu(primary, 95, minutesBefore(since, 15)),
    apply,
  },
  {
    name: 'rds-storage-low',
    probe: rdsProbeName,
    title: { es: 'Poco almacenamiento en RDS', en: 'Low RDS storage' },
    description: {
      es: 'A flotas-develop le queda 7 % de almacenamiento libre. Se abre la tarjeta 4.1; al '
        + 'aumentar el almacenamiento la alerta se cierra.',
      en: 'flotas-develop has 7 % of its storage free. Card 4.1 opens; growing the storage '
        + 'closes the alert.',
    },
    breakSandbox: (cloud) => cloud.rds.drills.setFreeStoragePercent(primary, 7),
    apply,
  },
  {
    name: 'rds-storage-filling',
    probe: rdsProbeName,
    title: { es: 'RDS se llena rápido', en: 'RDS filling up fast' },
    description: {
      es: 'El almacenamiento libre de flotas-develop baja 1.5 GiB por hora: se llenaría en unas '
        + '12 horas. Se abre la tarjeta 4.1 antes de que se llene.',
      en: 'The free storage of flotas-develop falls 1.5 GiB an hour: it would be full in about '
        + '12 hours. Card 4.1 opens before it fills.',
    },
    breakSandbox: (cloud, since) =>
      cloud.rds.drills.drainStorage(primary, 1.5, minutesBefore(since, 180)),
    apply,
  },
  {
    name: 'rds-storage-full',
    probe: rdsProbeName,
    title: { es: 'RDS sin almacenamiento', en: 'RDS out of storage' },
    description: {
      es: 'flotas-develop queda en estado "storage-full": alerta crítica con la tarjeta 4.1.',
      en: 'flotas-develop goes to status "storage-full": a critical alert with card 4.1.',
    },
    breakSandbox: (cloud) => cloud.rds.drills.setFreeStoragePercent(primary, 0),
    apply,
  },
  {
    name: 'rds-probe-denied',
    probe: rdsProbeName,
    title: { es: 'La revisión de RDS no se puede hacer', en: 'The RDS check cannot run' },
    description: {
      es: 'El rol de Turno pierde el permiso cloudwatch:GetMetricData y la revisión de RDS '
        + 'falla en cada corrida. A la segunda falla seguida (la revisión corre cada minuto) '
        + 'se abre la tarjeta T.10.',
      en: 'Turno\'s role loses the cloudwatch:GetMetricData permission and the RDS check fails '
        + 'on every run. On the second failure in a row (the check runs every minute) card '
        + 'T.10 opens.',
    },
    breakSandbox: (cloud) => cloud.rds.drills.denyMetricHistory(),
    apply,
  },
  {
    name: 'ec2-status-check-failed',
    probe: 'ec2',
    title: { es: 'Falla una comprobación de EC2', en: 'An EC2 status check fails' },
    description: {
      es: 'flotas-application-develop pasa 2 de 3 comprobaciones de estado. Se abre la tarjeta '
        + 'T.8.',
      en: 'flotas-application-develop passes 2 of 3 status checks. Card T.8 opens.',
    },
    breakSandbox: (cloud) =>
      cloud.ec2.drills.setStatusChecks('flotas-application-develop', '2/3'),
    apply,
  },
  {
    name: 'pm2-process-stopped',
    probe: pm2ProbeName,
    title: { es: 'Proceso de pm2 detenido', en: 'pm2 process stopped' },
    description: {
      es: 'Linde-Ocurrences queda "stopped" en flotas-cron-arc. Se abre la tarjeta T.9.',
      en: 'Linde-Ocurrences goes "stopped" on flotas-cron-arc. Card T.9 opens.',
    },
    breakSandbox: (cloud) => cloud.cronHost.drills.setProcessStatus('Linde-Ocurrences', 'stopped'),
    apply,
  },
  {
    name: 'cron-disk-full',
    probe: cronDiskProbeName,
    title: { es: 'Disco del cron al 90 %', en: 'Cron disk at 90 %' },
    description: {
      es: 'Los logs de pm2 llenan el disco de flotas-cron-arc al 90 %. Se abre la tarjeta T.7; '
        + 'borrar los logs (pm2 flush) cierra la alerta.',
      en: 'pm2 logs fill the disk of flotas-cron-arc to 90 %. Card T.7 opens; flushing the '
        + 'logs (pm2 flush) closes the alert.',
    },
    breakSandbox: (cloud) => cloud.cronHost.drills.fillDisk(90),
    apply,
  },
];
