import * as z from 'zod';
import { defaultDatabaseThresholds, type DatabaseThresholds } from '@turno/shared';

/** What the RDS, EC2 and cron probes treat as a problem, and how often they look. */
export interface InfraConfig {
  rds: {
    intervalSeconds: number;
    /** The runbook's red line on the RDS CPU bar. */
    cpuRedLinePercent: number;
    /** CPU above the red line this long is an alert; a shorter spike is not. */
    cpuWindowSeconds: number;
    /** Free storage under this share of the allocated storage opens card 4.1. */
    storageLowPercent: number;
    /** Free storage that, at its recent pace, runs out within this many hours opens 4.1 too. */
    storageFillHours: number;
  };
  /** Every enabled managed function failing at once: one critical alert (card T.12). */
  allFunctions: {
    intervalSeconds: number;
    /** Each function must have Sync_error rows this recent to count as failing. */
    windowSeconds: number;
  };
  ec2: { intervalSeconds: number };
  cron: {
    intervalSeconds: number;
    /** Disk use of flotas-cron-arc above this opens card T.7 (flush the pm2 logs). */
    diskFullPercent: number;
  };
}

const seconds = (fallback: number) => z.coerce.number().int().min(15).default(fallback);
const percent = (fallback: number) => z.coerce.number().gt(0).lt(100).default(fallback);

/** The environment the infra probes read; spread into the app's env schema. */
export const infraEnvShape = {
  RDS_PROBE_INTERVAL_S: seconds(60),
  RDS_CPU_RED_LINE_PERCENT: percent(defaultDatabaseThresholds.cpuRedLinePercent),
  RDS_CPU_WINDOW_S: seconds(600),
  RDS_STORAGE_LOW_PERCENT: percent(defaultDatabaseThresholds.storageLowPercent),
  RDS_STORAGE_FILL_HOURS: z.coerce.number().positive().max(24 * 30).default(24),
  ALL_FUNCTIONS_PROBE_INTERVAL_S: seconds(60),
  ALL_FUNCTIONS_FAILING_WINDOW_S: seconds(600),
  EC2_PROBE_INTERVAL_S: seconds(300),
  CRON_PROBE_INTERVAL_S: seconds(300),
  CRON_DISK_FULL_PERCENT: percent(85),
};

type InfraEnv = { [K in keyof typeof infraEnvShape]: z.output<(typeof infraEnvShape)[K]> };

export function readInfraConfig(e: InfraEnv): InfraConfig {
  return {
    rds: {
      intervalSeconds: e.RDS_PROBE_INTERVAL_S,
      cpuRedLinePercent: e.RDS_CPU_RED_LINE_PERCENT,
      cpuWindowSeconds: e.RDS_CPU_WINDOW_S,
      storageLowPercent: e.RDS_STORAGE_LOW_PERCENT,
      storageFillHours: e.RDS_STORAGE_FILL_HOURS,
    },
    allFunctions: {
      intervalSeconds: e.ALL_FUNCTIONS_PROBE_INTERVAL_S,
      windowSeconds: e.ALL_FUNCTIONS_FAILING_WINDOW_S,
    },
    ec2: { intervalSeconds: e.EC2_PROBE_INTERVAL_S },
    cron: {
      intervalSeconds: e.CRON_PROBE_INTERVAL_S,
      diskFullPercent: e.CRON_DISK_FULL_PERCENT,
    },
  };
}

/**
 * The defaults, as a start with no variables set has them. A function, not a constant:
 * parsing at import would cost every cold start a zod compile.
 */
export function defaultInfraConfig(): InfraConfig {
  return readInfraConfig(z.object(infraEnvShape).parse({}));
}

/** Where the PWA flags a database (Estado, Infraestructura): the RDS probe's own limits. */
export function databaseThresholds(rds: InfraConfig['rds']): DatabaseThresholds {
  return { cpuRedLinePercent: rds.cpuRedLinePercent, storageLowPercent: rds.storageLowPercent };
}
