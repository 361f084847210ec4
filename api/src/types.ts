import type { Pool } from 'pg';
import type { CategoryId, Role } from '@turno/shared';
import type { TokenVerifier } from './auth/verify-bearer.ts';
import type { Cloud } from './cloud/types.ts';
import type { InfraConfig } from './probes/infra/config.ts';
import type { MessagingConfig } from './probes/messaging/config.ts';
import type { Probe } from './probes/types.ts';
import type { AlertPusher, VapidKeys } from './push/types.ts';

/** Who is calling, as the bearer token says (the Lambda authorizer checks the same token). */
export interface Principal {
  user: string;
  role: Role;
}

export type LogContext = Record<string, unknown>;

/** One JSON line per event: level, module, request id and context. Never pass secrets. */
export interface Logger {
  debug(event: string, context?: LogContext): void;
  info(event: string, context?: LogContext): void;
  warn(event: string, context?: LogContext): void;
  error(event: string, context?: LogContext): void;
  child(module: string, context?: LogContext): Logger;
}

export interface AlertRuleConfig {
  threshold: number;
  windowSeconds: number;
  quietSeconds: number;
}

export interface AppConfig {
  port: number;
  /** True when running on AWS Lambda: dev sign-in can never be turned on there. */
  onLambda: boolean;
  devSignIn: boolean;
  devUsers: Record<string, Role>;
  sessionTtlSeconds: number;
  syncError: {
    table: string;            // "Sync_error"
    idColumn: string;         // "id"
    jsonColumn: string;       // "json_data"
    createdColumn: string;    // "created_at"
    functionColumn: string;   // "function_name" (the runbook does not show its real name)
    sourceColumn: string;     // "data_source_id"
    clientColumn: string;     // "client_id"
    statementTimeoutMs: number;
    batchSize: number;
    /** Sync_error is read from Turno's own database: the sandbox's drills may write rows there. */
    inStateDatabase: boolean;
    /** How long an id missing below the cursor is read again, waiting for its commit. */
    gapGraceSeconds: number;
  };
  dataSources: Record<number, string>;   // 1 → MIX, 2 → Guardian
  watchIntervalSeconds: number;
  alertRules: Partial<Record<CategoryId, AlertRuleConfig>>;
  defaultAlertRule: AlertRuleConfig;
  /** A cause back within this long after resolving reopens its alert instead of a new one. */
  alertFlapSeconds: number;
  /** A probe whose run failed runs again within this long, not a whole interval later. */
  probeRetrySeconds: number;
  /** Schedules Turno may pause or resume, as "group/name". */
  managedSchedules: string[];
  /** A schedule paused through Turno this long reminds the person on call, and again after. */
  pausedReminderHours: number;
  vapidSubject: string;
  pushTtlSeconds: number;
  /** Hosts (and their subdomains) a push subscription's endpoint may point at. */
  pushServiceHosts: string[];
  publicUrl: string;
  /** "embedded" when no DATABASE_URL was given and Turno runs PGlite itself. */
  databaseMode: 'embedded' | 'server';
  version: string;
  /** Cognito where configured: the PWA signs in there and the authorizer checks its tokens. */
  auth: { cognito: CognitoConfig | null };
  /** Thresholds and cadence of the RDS, EC2 and cron probes. */
  infra: InfraConfig;
  /** Where and how often the WhatsApp (UltraMsg) and Gmail probes look; holds secrets. */
  messaging: MessagingConfig;
}

/** A Cognito user pool and the PWA's app client (public: no secret). */
export interface CognitoConfig {
  userPoolId: string;   // "us-east-1_AbC123"
  clientId: string;
  /** https://cognito-idp.<region>.amazonaws.com/<userPoolId>: the tokens' `iss`. */
  issuer: string;
  /** The managed login domain as an origin, e.g. https://turno.auth.us-east-1.amazoncognito.com */
  domain: string;
}

/** Everything routes and jobs need: built once by `runtime.ts`, injected; tests build theirs. */
export interface AppDeps {
  config: AppConfig;
  /** Turno's own schema (cursor, alerts, audit, subscriptions, keys): read-write. */
  statePool: Pool;
  /** Where Sync_error is read: read-only, with a statement timeout. */
  upPool: Pool;
  cloud: Cloud;
  pusher: AlertPusher;
  log: Logger;
  now: () => Date;
  /** Checks the watcher runs on their own cadence; undefined: the registry's, from config. */
  probes?: Probe[];
  /** Generated on first start and kept in `turno.settings`; never logged or returned. */
  keys: { jwtSecret: Uint8Array; vapid: VapidKeys };
  /** How bearer tokens are checked; undefined: Cognito where configured, else dev tokens. */
  tokens?: TokenVerifier;
}

export interface AppEnv {
  Variables: {
    principal: Principal;
    requestId: string;
    log: Logger;
  };
}
