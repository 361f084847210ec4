import * as z from 'zod';
import { inventoryPm2Target, pm2TargetRules, type Pm2Target } from '@turno/shared';
import type { envSchema } from './config-env.ts';

/** The company's account as Turno reaches it: region and resource ids. */
export interface AwsConfig {
  region: string;
  /** The runbook's primary and replica, primary first. */
  rdsInstanceIds: string[];
  /** The instances the EC2 card lists: the ECS host when given, and the pm2 cron. */
  ec2InstanceIds: string[];
  /** flotas-cron-arc, where SSM runs the pm2 commands. */
  cronInstanceId: string;
  /** The backend-task log group the runbook reads (§3). */
  logGroupName: string;
  /** Whose pm2 daemon the SSM scripts reach on the cron host, and with which pm2. */
  pm2: Pm2Target;
}

const pathRule = { message: 'must be an absolute path of letters, digits and ._/-' };

/** The pm2 on flotas-cron-arc; the defaults are the runbook's inventory. */
export const pm2EnvShape = {
  CRON_PM2_USER: z.string().regex(pm2TargetRules.user, { message: 'must be a Unix user name' })
    .default(inventoryPm2Target.user),
  CRON_PM2_HOME: z.string().regex(pm2TargetRules.path, pathRule)
    .default(inventoryPm2Target.home),
  /** Where pm2 is when the app user's login shell cannot find it (nvm set up in .bashrc). */
  CRON_PM2_BIN: z.string().regex(pm2TargetRules.path, pathRule).optional(),
};

/** Secrets Manager ARNs; each one unset means that value comes from elsewhere or not at all. */
export interface SecretArns {
  /** JSON {username, password} filling DATABASE_URL. */
  database: string | undefined;
  /** Credentials for UP_DATABASE_URL (the replica); DATABASE_SECRET_ARN's when unset. */
  upDatabase: string | undefined;
  /** JSON {publicKey, privateKey}; without it the pair is generated and kept in the database. */
  vapid: string | undefined;
  /** JSON {instanceId, token}. */
  ultraMsg: string | undefined;
  /** JSON {clientId, clientSecret, refreshToken, sender}. */
  gmail: string | undefined;
}

type Env = z.output<typeof envSchema>;

/**
 * The AWS cloud is used when TURNO_CLOUD=aws, or when TURNO_CLOUD is unset and a region and the
 * cron instance id are given; the sandbox otherwise. `missing` names what AWS mode lacks.
 */
export function resolveAws(e: Env): { aws: AwsConfig | undefined; missing: string[] } {
  const wanted = e.TURNO_CLOUD === 'aws'
    || (e.TURNO_CLOUD === undefined && Boolean(e.AWS_REGION && e.CRON_INSTANCE_ID));
  if (!wanted) return { aws: undefined, missing: [] };

  const { AWS_REGION: region, CRON_INSTANCE_ID: cron } = e;
  if (!region || !cron) {
    return { aws: undefined, missing: [!region && 'AWS_REGION', !cron && 'CRON_INSTANCE_ID']
      .filter((name): name is string => Boolean(name)) };
  }
  const app = e.EC2_APP_INSTANCE_ID;
  return {
    aws: {
      region,
      rdsInstanceIds: e.RDS_INSTANCE_IDS,
      ec2InstanceIds: app ? [app, cron] : [cron],
      cronInstanceId: cron,
      logGroupName: e.BACKEND_LOG_GROUP,
      pm2: { user: e.CRON_PM2_USER, home: e.CRON_PM2_HOME, pm2Bin: e.CRON_PM2_BIN ?? null },
    },
    missing: [],
  };
}

export function secretArns(e: Env): SecretArns {
  return {
    database: e.DATABASE_SECRET_ARN,
    upDatabase: e.UP_DATABASE_SECRET_ARN ?? e.DATABASE_SECRET_ARN,
    vapid: e.VAPID_SECRET_ARN,
    ultraMsg: e.ULTRAMSG_SECRET_ARN,
    gmail: e.GMAIL_SECRET_ARN,
  };
}

/**
 * DATABASE_URL, or one built from DATABASE_HOST, DATABASE_PORT and DATABASE_NAME (the password
 * comes from DATABASE_SECRET_ARN); UP_DATABASE_HOST names the replica on the same port and
 * database. Built URLs verify the server's certificate: on Lambda set NODE_EXTRA_CA_CERTS
 * (https://docs.aws.amazon.com/lambda/latest/dg/lambda-nodejs.html#nodejs-certificate-loading).
 */
export function databaseUrls(e: Env): { state: string | undefined; up: string | undefined } {
  const build = (host: string | undefined) => (host && e.DATABASE_NAME
    ? `postgres://${host}:${e.DATABASE_PORT}/${e.DATABASE_NAME}?sslmode=verify-full`
    : undefined);
  const state = e.DATABASE_URL ?? build(e.DATABASE_HOST);
  return { state, up: e.UP_DATABASE_URL ?? build(e.UP_DATABASE_HOST) ?? state };
}
