import {
  databaseUrls, resolveAws, secretArns, type AwsConfig, type SecretArns,
} from './config-aws.ts';
import { readCognitoEnv } from './config-cognito.ts';
import { envSchema } from './config-env.ts';
import type { LogLevel } from './log.ts';
import { readInfraConfig } from './probes/infra/config.ts';
import { readMessagingConfig } from './probes/messaging/config.ts';
import type { AppConfig, AlertRuleConfig } from './types.ts';

export { runbookSchedules } from './config-env.ts';
export type { AwsConfig, SecretArns } from './config-aws.ts';

/** What `runtime.ts` needs besides `AppConfig`: where the databases are and how to log. */
export interface RuntimeConfig {
  app: AppConfig;
  /** Unset: Turno starts its embedded PostgreSQL (PGlite) under `dataDir`. */
  databaseUrl: string | undefined;
  upDatabaseUrl: string | undefined;
  dataDir: string;
  /** Where the embedded database listens on 127.0.0.1; a free port when unset. */
  embeddedDbPort: number | undefined;
  logLevel: LogLevel;
  /** Set when Turno runs against the company's account; the sandbox cloud otherwise. */
  aws: AwsConfig | undefined;
  secrets: SecretArns;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const invalid = 'Invalid configuration:\n  ';

/** Reads and validates the environment; a bad value throws a ConfigError naming the variable. */
export function loadConfig(env: Env = process.env): RuntimeConfig {
  // An empty variable means unset, as shells and .env files often leave them.
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  // Parsed once a process: compiling zod's fast path for this schema costs more than it saves.
  const parsed = envSchema.safeParse(given, { jitless: true });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`${invalid}${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const onLambda = Boolean(e.AWS_LAMBDA_FUNCTION_NAME);
  if (onLambda && e.DEV_SIGN_IN === true) {
    throw new ConfigError(`${invalid}DEV_SIGN_IN: cannot be turned on when running on AWS Lambda`);
  }
  const urls = databaseUrls(e);
  if (onLambda && !urls.state) {
    throw new ConfigError(`${invalid}DATABASE_URL (or DATABASE_HOST and DATABASE_NAME): required `
      + 'on AWS Lambda (no embedded database)');
  }
  const { aws, missing } = resolveAws(e);
  if (missing.length > 0) {
    throw new ConfigError(`${invalid}${missing.join(', ')}: required when TURNO_CLOUD=aws`);
  }
  const cognito = readCognitoEnv(e);
  if (Array.isArray(cognito)) throw new ConfigError(`${invalid}${cognito.join('\n  ')}`);
  const defaultAlertRule: AlertRuleConfig = {
    threshold: e.ALERT_THRESHOLD, windowSeconds: e.ALERT_WINDOW_S, quietSeconds: e.ALERT_QUIET_S,
  };
  const app: AppConfig = {
    port: e.PORT,
    onLambda,
    devSignIn: e.DEV_SIGN_IN ?? !onLambda,
    devUsers: e.DEV_USERS,
    sessionTtlSeconds: e.SESSION_TTL_S,
    syncError: {
      table: e.SYNC_ERROR_TABLE,
      idColumn: e.SYNC_ERROR_ID_COLUMN,
      jsonColumn: e.SYNC_ERROR_JSON_COLUMN,
      createdColumn: e.SYNC_ERROR_CREATED_COLUMN,
      functionColumn: e.SYNC_ERROR_FUNCTION_COLUMN,
      sourceColumn: e.SYNC_ERROR_SOURCE_COLUMN,
      clientColumn: e.SYNC_ERROR_CLIENT_COLUMN,
      statementTimeoutMs: e.UP_STATEMENT_TIMEOUT_MS,
      batchSize: e.SYNC_ERROR_BATCH_SIZE,
      inStateDatabase: urls.up === urls.state,
      gapGraceSeconds: e.SYNC_ERROR_GAP_GRACE_S,
    },
    dataSources: e.DATA_SOURCES,
    watchIntervalSeconds: e.WATCH_INTERVAL_S,
    alertRules: e.ALERT_RULES,
    defaultAlertRule,
    alertFlapSeconds: e.ALERT_FLAP_S,
    probeRetrySeconds: e.PROBE_RETRY_S,
    managedSchedules: e.MANAGED_SCHEDULES,
    pausedReminderHours: e.PAUSED_REMINDER_H,
    vapidSubject: e.VAPID_SUBJECT,
    pushTtlSeconds: e.PUSH_TTL_S,
    pushServiceHosts: e.PUSH_SERVICE_HOSTS,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    databaseMode: urls.state ? 'server' : 'embedded',
    version: e.TURNO_VERSION,
    auth: { cognito },
    infra: readInfraConfig(e),
    messaging: readMessagingConfig(e),
  };
  return {
    app,
    databaseUrl: urls.state,
    upDatabaseUrl: urls.up,
    dataDir: e.TURNO_DATA_DIR,
    embeddedDbPort: e.EMBEDDED_DB_PORT,
    logLevel: e.LOG_LEVEL ?? (env.VITEST ? 'silent' : 'info'),
    aws,
    secrets: secretArns(e),
  };
}
