import { readFileSync } from 'node:fs';
import { pm2TargetRules } from '@turno/shared/api/pm2-target';
import {
  sqlIdentifierPattern, syncErrorVariables, type SyncErrorNames,
} from '@turno/shared/api/sync-error-names';

/** What the stack needs to know about the account it joins (`infra/turno.config.json`). */
export interface TurnoConfig {
  account: string;
  region: string;
  network: {
    vpcId: string;
    availabilityZones: string[];
    /** Private subnets that already reach the internet (the sync Lambdas run there). */
    privateSubnetIds: string[];
    securityGroupIds: string[];
  };
  /** Prefix of the Cognito hosted sign-in domain: <prefix>.auth.<region>.amazoncognito.com */
  cognitoDomainPrefix: string;
  /** Schedules Turno may pause or resume, as "group/name". */
  managedSchedules: string[];
  /** Execution roles of those schedules: UpdateSchedule passes them back unchanged. */
  scheduleRoleArns: string[];
  /** The RDS primary and its replica. */
  databaseInstances: string[];
  database: { host: string; replicaHost: string; port: number; name: string; user: string };
  /** The EC2 instance running pm2 (flotas-cron-arc). */
  cronInstanceId: string;
  /** Whose pm2 Run Command reaches there (CRON_PM2_*); an unset field keeps the API default. */
  cronPm2?: { user?: string; home?: string; bin?: string };
  /** Where UP's Sync_error is and what its columns are called (SYNC_ERROR_*), each optional. */
  syncError?: SyncErrorNames;
  /** The EC2 instance running UP on ECS (flotas-application-develop), shown read-only. */
  appInstanceId: string;
  /** The backend task's log group, without a leading slash as the runbook shows it. */
  backendLogGroup: string;
  vapidSubject: string;
  /** Who hears the dead-man alarms when the watcher stops; both lists optional. */
  watchdog?: { emails?: string[]; sms?: string[] };
}

const text = (value: unknown): value is string => typeof value === 'string' && value !== '';
const texts = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length > 0 && value.every(text);
/** Absent, or a list (empty allowed) whose every entry matches. */
const optionalList = (value: unknown, pattern: RegExp) => value === undefined
  || (Array.isArray(value) && value.every((entry) => text(entry) && pattern.test(entry)));
const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// SNS takes SMS numbers in E.164: a plus, the country code, up to 15 digits in all.
const e164 = /^\+[1-9]\d{7,14}$/;
const watchdogValid = (w: TurnoConfig['watchdog']) => w === undefined
  || (typeof w === 'object' && w !== null && !Array.isArray(w)
    && optionalList(w.emails, email) && optionalList(w.sms, e164));

// The API's own rules (CRON_PM2_*): what a deploy sets, the Lambdas accept at start.
const cronPm2Fields = {
  user: pm2TargetRules.user, home: pm2TargetRules.path, bin: pm2TargetRules.path,
};
const cronPm2Valid = (p: TurnoConfig['cronPm2']) => p === undefined
  || (typeof p === 'object' && p !== null && !Array.isArray(p)
    && Object.entries(p).every(([key, value]) => Object.hasOwn(cronPm2Fields, key)
      && typeof value === 'string'
      && cronPm2Fields[key as keyof typeof cronPm2Fields].test(value)));

const syncErrorValid = (names: TurnoConfig['syncError']) => names === undefined
  || (typeof names === 'object' && names !== null && !Array.isArray(names)
    && Object.entries(names).every(([key, value]) => Object.hasOwn(syncErrorVariables, key)
      && typeof value === 'string' && sqlIdentifierPattern.test(value)));

const rules: [string, (config: TurnoConfig) => boolean, string][] = [
  ['account', (c) => /^\d{12}$/.test(c.account), 'twelve digits'],
  ['region', (c) => /^[a-z]{2}(-[a-z]+)+-\d$/.test(c.region), 'a region such as us-east-1'],
  ['network.vpcId', (c) => /^vpc-\w+$/.test(c.network?.vpcId), 'vpc-…'],
  ['network.availabilityZones', (c) => texts(c.network?.availabilityZones), 'a list of zones'],
  ['network.privateSubnetIds', (c) => texts(c.network?.privateSubnetIds) &&
    c.network.privateSubnetIds.every((id) => id.startsWith('subnet-')), 'a list of subnet-…'],
  ['network.securityGroupIds', (c) => texts(c.network?.securityGroupIds) &&
    c.network.securityGroupIds.every((id) => id.startsWith('sg-')), 'a list of sg-…'],
  ['cognitoDomainPrefix', (c) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/
    .test(c.cognitoDomainPrefix) && !/aws|amazon|cognito/.test(c.cognitoDomainPrefix),
  'lowercase letters, digits and hyphens, without aws, amazon or cognito'],
  ['managedSchedules', (c) => texts(c.managedSchedules) &&
    c.managedSchedules.every((s) => /^[\w.-]+\/[\w.-]+$/.test(s)), 'a list of group/name'],
  ['scheduleRoleArns', (c) => texts(c.scheduleRoleArns) &&
    c.scheduleRoleArns.every((arn) => /^arn:aws:iam::\d{12}:role\/\S+$/.test(arn)),
  'a list of IAM role ARNs'],
  ['databaseInstances', (c) => texts(c.databaseInstances), 'a list of DB instance ids'],
  ['database', (c) => text(c.database?.host) && text(c.database.replicaHost) &&
    Number.isInteger(c.database.port) && text(c.database.name) && text(c.database.user),
  '{host, replicaHost, port, name, user}'],
  ['cronInstanceId', (c) => /^i-[0-9a-f]{8,17}$/.test(c.cronInstanceId), 'i-…'],
  ['cronPm2', (c) => cronPm2Valid(c.cronPm2), '{user: a Unix user name, home: an absolute '
    + 'path, bin: an absolute path}, of letters, digits and ._/-, each optional'],
  ['syncError', (c) => syncErrorValid(c.syncError), `{${Object.keys(syncErrorVariables)
    .join(', ')}}, each optional, each a plain SQL identifier (letters, digits, _; `
    + 'optionally schema.name)'],
  ['appInstanceId', (c) => /^i-[0-9a-f]{8,17}$/.test(c.appInstanceId), 'i-…'],
  ['backendLogGroup', (c) => text(c.backendLogGroup), 'a log group name'],
  ['vapidSubject', (c) => /^(mailto:\S+@\S+|https:\/\/\S+)$/.test(c.vapidSubject),
    'mailto: or https://'],
  ['watchdog', (c) => watchdogValid(c.watchdog),
    '{emails: [address, …], sms: [+52…, …]}, each list optional'],
];

/** Checks every field at once and names each one that is wrong. */
export function parseConfig(raw: unknown): TurnoConfig {
  const config = (raw ?? {}) as TurnoConfig;
  const problems = rules
    .filter(([, valid]) => !valid(config))
    .map(([field, , expected]) => `${field} must be ${expected}`);
  if (problems.length > 0) throw new Error(`Turno config: ${problems.join('; ')}`);
  return config;
}

export function loadConfig(path: string): TurnoConfig {
  return parseConfig(JSON.parse(readFileSync(path, 'utf8')));
}

/** Fields still holding the shipped placeholders: synth works, a deploy would not. */
export function placeholderFields(config: TurnoConfig, prefix = ''): string[] {
  return Object.entries(config).flatMap(([key, value]): string[] => {
    if (key.startsWith('_')) return [];
    const field = `${prefix}${key}`;
    if (typeof value === 'object' && value !== null) {
      return placeholderFields(value as TurnoConfig, `${field}.`);
    }
    return /replace|111122223333|-0{8}|0a1b2c3d4e5f6/i.test(String(value)) ? [field] : [];
  });
}
