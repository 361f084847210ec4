import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { roleSchema, type Role } from '@turno/shared';
import type { AppConfig, AlertRuleConfig } from './types.ts';
import type { LogLevel } from './log.ts';

/** What `runtime.ts` needs besides `AppConfig`: where the databases are and how to log. */
export interface RuntimeConfig {
  app: AppConfig;
  /** Unset: Turno starts its embedded PostgreSQL (PGlite) under `dataDir`. */
  databaseUrl: string | undefined;
  upDatabaseUrl: string | undefined;
  dataDir: string;
  logLevel: LogLevel;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const invalid = 'Invalid configuration:\n  ';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The schedules the runbook names, all in EventBridge Scheduler's `default` group. */
export const runbookSchedules = [
  'linde-mix-get-active-events', 'linde-mix-get-positions', 'linde-guardian-positions',
  'up-update-active-events', 'linde-mix-get-events', 'up_update_active_positions',
  'lide-mix-get-assets',
].map((name) => `default/${name}`);

const identifier = z.string().regex(/^([A-Za-z_][A-Za-z0-9_]*\.)?[A-Za-z_][A-Za-z0-9_]*$/, {
  message: 'must be a plain SQL identifier (letters, digits, _; optionally schema.name)',
});
const flag = z.enum(['1', 'true', 'on', 'yes', '0', 'false', 'off', 'no'], {
  message: 'must be on/off, true/false, 1/0 or yes/no',
}).transform((value) => ['1', 'true', 'on', 'yes'].includes(value));
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const url = z.url({ protocol: /^postgres(ql)?$/, message: 'must be a postgres:// URL' });

const roleList = z.string().transform((text, ctx) => {
  const users: Record<string, Role> = {};
  for (const entry of text.split(',').map((part) => part.trim()).filter(Boolean)) {
    const [name, role] = entry.split(':').map((part) => part.trim());
    const parsed = roleSchema.safeParse(role);
    if (!name || !parsed.success) {
      ctx.addIssue({ code: 'custom', message: `"${entry}" is not user:viewer|operator|admin` });
      return z.NEVER;
    }
    users[name] = parsed.data;
  }
  return users;
});

const sourceList = z.string().transform((text, ctx) => {
  const sources: Record<number, string> = {};
  for (const entry of text.split(',').map((part) => part.trim()).filter(Boolean)) {
    const [id, name] = entry.split(':').map((part) => part.trim());
    if (!id || !/^\d+$/.test(id) || !name) {
      ctx.addIssue({ code: 'custom', message: `"${entry}" is not id:name` });
      return z.NEVER;
    }
    sources[Number(id)] = name;
  }
  return sources;
});

const ruleSchema = z.object({
  threshold: z.number().int().positive(),
  windowSeconds: z.number().int().positive(),
  quietSeconds: z.number().int().positive(),
});
const alertRules = z.string().transform((text, ctx) => {
  try {
    return z.record(z.string(), ruleSchema).parse(JSON.parse(text));
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be JSON: {"<category>":{threshold,…}}' });
    return z.NEVER;
  }
});

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  DATABASE_URL: url.optional(),
  UP_DATABASE_URL: url.optional(),
  TURNO_DATA_DIR: z.string().min(1).default(`${repoRoot}.turno-data`),
  AWS_LAMBDA_FUNCTION_NAME: z.string().optional(),
  DEV_SIGN_IN: flag.optional(),
  DEV_USERS: roleList.prefault('operador:operator,observador:viewer,admin:admin'),
  SESSION_TTL_S: positiveInt(12 * 3600),
  WATCH_INTERVAL_S: positiveInt(15),
  SYNC_ERROR_TABLE: identifier.default('Sync_error'),
  SYNC_ERROR_ID_COLUMN: identifier.default('id'),
  SYNC_ERROR_JSON_COLUMN: identifier.default('json_data'),
  SYNC_ERROR_CREATED_COLUMN: identifier.default('created_at'),
  SYNC_ERROR_FUNCTION_COLUMN: identifier.default('function_name'),
  SYNC_ERROR_SOURCE_COLUMN: identifier.default('data_source_id'),
  SYNC_ERROR_CLIENT_COLUMN: identifier.default('client_id'),
  SYNC_ERROR_BATCH_SIZE: positiveInt(500),
  UP_STATEMENT_TIMEOUT_MS: positiveInt(5000),
  DATA_SOURCES: sourceList.prefault('1:MIX,2:Guardian'),
  ALERT_THRESHOLD: positiveInt(5),
  ALERT_WINDOW_S: positiveInt(600),
  ALERT_QUIET_S: positiveInt(1800),
  ALERT_RULES: alertRules.prefault('{}'),
  MANAGED_SCHEDULES: z.string().default(runbookSchedules.join(',')).transform((text) =>
    text.split(',').map((s) => s.trim()).filter(Boolean)
      .map((s) => (s.includes('/') ? s : `default/${s}`))),
  VAPID_SUBJECT: z.string().regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, {
    message: 'must be a mailto: address or an https:// URL (RFC 8292)',
  }).default('mailto:oncall@example.com'),
  PUSH_TTL_S: positiveInt(3600),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).optional(),
  TURNO_VERSION: z.string().default('0.1.0'),
});

/** Reads and validates the environment; a bad value throws a ConfigError naming the variable. */
export function loadConfig(env: Env = process.env): RuntimeConfig {
  // An empty variable means unset, as shells and .env files often leave them.
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`${invalid}${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const onLambda = Boolean(e.AWS_LAMBDA_FUNCTION_NAME);
  if (onLambda && e.DEV_SIGN_IN === true) {
    throw new ConfigError(`${invalid}DEV_SIGN_IN: cannot be turned on when running on AWS Lambda`);
  }
  if (onLambda && !e.DATABASE_URL) {
    throw new ConfigError(`${invalid}DATABASE_URL: required on AWS Lambda (no embedded database)`);
  }
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
    },
    dataSources: e.DATA_SOURCES,
    watchIntervalSeconds: e.WATCH_INTERVAL_S,
    alertRules: e.ALERT_RULES as AppConfig['alertRules'],
    defaultAlertRule,
    managedSchedules: e.MANAGED_SCHEDULES,
    vapidSubject: e.VAPID_SUBJECT,
    pushTtlSeconds: e.PUSH_TTL_S,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    databaseMode: e.DATABASE_URL ? 'server' : 'embedded',
    version: e.TURNO_VERSION,
  };
  return {
    app,
    databaseUrl: e.DATABASE_URL,
    upDatabaseUrl: e.UP_DATABASE_URL ?? e.DATABASE_URL,
    dataDir: e.TURNO_DATA_DIR,
    logLevel: e.LOG_LEVEL ?? (env.VITEST ? 'silent' : 'info'),
  };
}
