import { Duration } from 'aws-cdk-lib';
import {
  ComparisonOperator, Metric, TreatMissingData, type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';

/** Every alarm's name starts so: the topic lets only these alarms publish. */
export const watchdogAlarmPrefix = 'turno-watchdog-';

export interface WatchdogSources {
  watcher: IFunction;
  /** The watcher schedule's own group: AWS/Scheduler metrics have no finer dimension. */
  scheduleGroup: string;
  /** Count of `watcher.run_failed` lines in the watcher's log group. */
  runFailed: IMetric;
}

export interface WatchdogAlarm {
  name: string;
  metric: IMetric;
  threshold: number;
  comparisonOperator: ComparisonOperator;
  evaluationPeriods: number;
  treatMissingData: TreatMissingData;
  /** Spanish: the on-call team reads it in the email or SMS. */
  description: string;
}

const period = Duration.minutes(5);
const logs = 'CloudWatch Logs, grupo /aws/lambda/turno-watcher';
const byHand = 'Mientras tanto nadie vigila la plataforma: revisarla a mano (guía T.10, paso '
  + 'T.10.2) y avisar al equipo de desarrollo.';

const scheduler = (metricName: string, group: string) => new Metric({
  namespace: 'AWS/Scheduler', metricName, dimensionsMap: { ScheduleGroup: group },
  statistic: 'Sum', period,
});

/** The dead-man alarms: each one fires when the watcher, and so every Turno alert, is silent. */
export function watchdogAlarms(sources: WatchdogSources): WatchdogAlarm[] {
  const { watcher, scheduleGroup } = sources;
  const once = { threshold: 0, comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1, treatMissingData: TreatMissingData.NOT_BREACHING };
  return [{
    name: `${watchdogAlarmPrefix}watcher-not-running`,
    metric: watcher.metricInvocations({ statistic: 'Sum', period }),
    threshold: 1,
    comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
    evaluationPeriods: 1,
    // No data at all is the failure this alarm exists for: the watcher never started.
    treatMissingData: TreatMissingData.BREACHING,
    description: 'Turno no está revisando la plataforma: la Lambda turno-watcher no se ejecutó '
      + 'en 5 minutos y Turno no puede mandar ninguna alerta. Revisar en EventBridge Scheduler '
      + `que el programa turno-watcher (grupo ${scheduleGroup}) esté habilitado, y en Lambda `
      + 'que turno-watcher exista y no tenga limitaciones (Throttles). ' + byHand,
  }, {
    name: `${watchdogAlarmPrefix}watcher-errors`,
    metric: watcher.metricErrors({ statistic: 'Sum', period }),
    threshold: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    evaluationPeriods: 3,
    treatMissingData: TreatMissingData.NOT_BREACHING,
    description: 'La Lambda turno-watcher termina con error desde hace 15 minutos: arranca pero '
      + 'no llega a revisar la plataforma ni a mandar alertas. Seguir la guía T.10 de Turno: '
      + `leer el error en ${logs} (secretos, conexión a la base de datos, tiempo de espera). `
      + byHand,
  }, {
    name: `${watchdogAlarmPrefix}schedule-target-errors`,
    metric: scheduler('TargetErrorCount', scheduleGroup),
    ...once,
    description: 'EventBridge Scheduler no pudo iniciar la Lambda turno-watcher (la Lambda la '
      + 'limitó, ya no existe o el rol del programa no puede invocarla). Cada inicio perdido es '
      + 'un minuto sin revisiones de Turno. Revisar el programa turno-watcher (grupo '
      + `${scheduleGroup}) y la Lambda turno-watcher en la consola de AWS. ` + byHand,
  }, {
    name: `${watchdogAlarmPrefix}schedule-dropped`,
    metric: scheduler('InvocationDroppedCount', scheduleGroup),
    ...once,
    description: 'EventBridge Scheduler descartó inicios de la Lambda turno-watcher: el programa '
      + 'no reintenta, así que cada uno es un minuto sin revisiones de Turno. Revisar el '
      + `programa turno-watcher (grupo ${scheduleGroup}) y la Lambda turno-watcher en la `
      + 'consola de AWS. ' + byHand,
  }, {
    name: `${watchdogAlarmPrefix}watcher-runs-failing`,
    metric: sources.runFailed,
    // A minute's worth of runs (six, 10 s apart) in each of two 5-minute periods in a row.
    threshold: 6,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    evaluationPeriods: 2,
    treatMissingData: TreatMissingData.NOT_BREACHING,
    description: 'Las revisiones de Turno fallan: turno-watcher corre, pero su lectura de '
      + 'Sync_error y sus revisiones fallan una y otra vez (evento watcher.run_failed), así que '
      + 'las alertas no salen. Seguir la guía T.10 de Turno: el error está en el campo message '
      + `de esos eventos, en ${logs}. ` + byHand,
  }];
}
