import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { categoryIds, roleSchema, type Role } from '@turno/shared';
import { sqlIdentifierPattern } from '@turno/shared/api/sync-error-names';
import { pm2EnvShape } from './config-aws.ts';
import { cognitoEnvShape } from './config-cognito.ts';
import { infraEnvShape } from './probes/infra/config.ts';
import { messagingEnvShape } from './probes/messaging/config.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The schedules the runbook names, all in EventBridge Scheduler's `default` group. */
export const runbookSchedules = [
  'linde-mix-get-active-events', 'linde-mix-get-positions', 'linde-guardian-positions',
  'up-update-active-events', 'linde-mix-get-events', 'up_update_active_positions',
  'lide-mix-get-assets',
].map((name) => `default/${name}`);

const identifier = z.string().regex(sqlIdentifierPattern, {
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
    return z.partialRecord(z.enum(categoryIds), ruleSchema).parse(JSON.parse(text));
  } catch {
    const shape = '{"<category id>":{threshold,windowSeconds,quietSeconds}}';
    ctx.addIssue({ code: 'custom', message: `must be JSON: ${shape}` });
    return z.NEVER;
  }
});

const arn = z.string().regex(/^arn:aws[\w-]*:/, { message: 'must be an ARN (arn:aws:…)' });
const instanceId = z.string()
  .regex(/^i-[0-9a-f]{8,17}$/, { message: 'must be an EC2 instance id' });
const host = z.string().regex(/^[A-Za-z0-9.-]+$/, { message: 'must be a host name' });
const list = (fallback: string) => z.string().default(fallback).transform((text) =>
  text.split(',').map((part) => part.trim()).filter(Boolean));

/** The company's account (read only when the AWS cloud is in use) and the Lambda's secrets. */
const awsEnv = {
  TURNO_CLOUD: z.enum(['aws', 'sandbox']).optional(),
  AWS_REGION: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { message: 'must be a region' })
    .optional(),
  RDS_INSTANCE_IDS: list('flotas-develop,flotas-develop-replica'),
  EC2_APP_INSTANCE_ID: instanceId.optional(),
  CRON_INSTANCE_ID: instanceId.optional(),
  BACKEND_LOG_GROUP: z.string()
    .default('aws/ec2/flotas-develop-cluster/task-definition/backend-task'),
  DATABASE_HOST: host.optional(),
  DATABASE_PORT: z.coerce.number().int().min(1).max(65_535).default(5432),
  DATABASE_NAME: z.string().regex(/^[\w-]+$/, { message: 'must be a database name' }).optional(),
  UP_DATABASE_HOST: host.optional(),
  DATABASE_SECRET_ARN: arn.optional(),
  UP_DATABASE_SECRET_ARN: arn.optional(),
  VAPID_SECRET_ARN: arn.optional(),
  ULTRAMSG_SECRET_ARN: arn.optional(),
  GMAIL_SECRET_ARN: arn.optional(),
  ...pm2EnvShape,
};

/** The environment Turno reads, with defaults and the rule each value must follow. */
export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  DATABASE_URL: url.optional(),
  UP_DATABASE_URL: url.optional(),
  TURNO_DATA_DIR: z.string().min(1).default(`${repoRoot}.turno-data`),
  EMBEDDED_DB_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
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
  SYNC_ERROR_GAP_GRACE_S: positiveInt(120),
  UP_STATEMENT_TIMEOUT_MS: positiveInt(5000),
  DATA_SOURCES: sourceList.prefault('1:MIX,2:Guardian'),
  ALERT_THRESHOLD: positiveInt(5),
  ALERT_WINDOW_S: positiveInt(600),
  ALERT_QUIET_S: positiveInt(1800),
  ALERT_RULES: alertRules.prefault('{}'),
  ALERT_FLAP_S: positiveInt(600),
  PROBE_RETRY_S: positiveInt(60),
  MANAGED_SCHEDULES: z.string().default(runbookSchedules.join(',')).transform((text) =>
    text.split(',').map((s) => s.trim()).filter(Boolean)
      .map((s) => (s.includes('/') ? s : `default/${s}`))),
  // Fractions allowed: a drill or a test may want minutes.
  PAUSED_REMINDER_H: z.coerce.number().positive().max(24 * 7).default(4),
  VAPID_SUBJECT: z.string().regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, {
    message: 'must be a mailto: address or an https:// URL (RFC 8292)',
  }).default('mailto:oncall@example.com'),
  PUSH_TTL_S: positiveInt(3600),
  // Browsers' push services; a subscription elsewhere would make Turno post to any host.
  PUSH_SERVICE_HOSTS: z.string().default(
    'fcm.googleapis.com,updates.push.services.mozilla.com,notify.windows.com,push.apple.com',
  ).transform((text) => text.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).optional(),
  TURNO_VERSION: z.string().default('0.1.0'),
  ...awsEnv,
  ...cognitoEnvShape,
  ...infraEnvShape,
  ...messagingEnvShape,
});
