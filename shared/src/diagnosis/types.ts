/** Card numbers: the runbook's own (1.1 … 5.2) and Turno's additions (T.1 …). */
export type CardId =
  | '1.1' | '1.2' | '2.1' | '2.2' | '3.1' | '3.2' | '4.1' | '5.1' | '5.2'
  | 'T.1' | 'T.2' | 'T.3' | 'T.4' | 'T.5' | 'T.6'
  | 'T.7' | 'T.8' | 'T.9' | 'T.10'
  | 'T.11' | 'T.12';

/** Causes the classifier recognises; `unclassified` keeps the text visible. */
export type CategoryId =
  | 'provider-timeout'       // axios "timeout of Nms exceeded" → 5.1
  | 'provider-rate-limited'  // HTTP 429 → 5.1 (runbook error table: pause / lower frequency)
  | 'provider-server-error'  // HTTP 5xx → 5.1
  | 'provider-unauthorized'  // 401 → 5.2; MiX "Authorisation error", MiX invalid_grant → 2.2
  | 'provider-forbidden'     // HTTP 403 → 2.1 (user blocked)
  | 'provider-unreachable'   // ECONNREFUSED/ENOTFOUND/ECONNRESET/socket hang up (not :5432) → 5.1
  | 'database-disk-full'     // could not extend file … No space left on device → 4.1
  | 'database-unreachable'   // ECONNREFUSED …:5432, Connection terminated unexpectedly → T.1
  | 'database-deadlock'      // deadlock detected → T.2
  | 'database-too-many-connections' // sorry, too many clients already → T.3
  | 'database-pool-exhausted'       // timeout exceeded when trying to connect → T.4
  | 'database-statement-timeout'    // canceling statement due to statement timeout → T.5
  | 'database-auth-failed'   // password authentication failed → 5.2
  | 'whatsapp-logged-out'    // UltraMsg status qr / standby → 1.1
  | 'whatsapp-unpaid'        // Stopped due to non-payment → 1.2
  | 'whatsapp-config'        // Wrong token / Instance not found → T.6
  | 'gmail-token'            // invalid_grant / Token has been expired or revoked. → 3.2
  | 'gmail-saturated'        // User-rate limit exceeded / Daily user sending quota / 5.4.5 → 3.1
  // Causes only probes see: the platform asked directly rather than read from Sync_error.
  | 'whatsapp-unhealthy'     // UltraMsg instance in any other status: the raw pair is shown
  | 'whatsapp-queue-growing' // messages pile up in the UltraMsg queue: early warning → T.11
  | 'rds-cpu-high'           // CPU above the red line → 5.1 (find the function, pause it)
  | 'rds-storage-low'        // free storage under 10 % or filling within 24 h → 4.1
  | 'rds-storage-full'       // RDS status storage-full → 4.1
  | 'ec2-status-failed'      // an EC2 status check is not passing, or it is stopped → T.8
  | 'pm2-process-down'       // a pm2 process on flotas-cron-arc is not online → T.9
  | 'cron-disk-full'         // flotas-cron-arc disk above 85 %: flush pm2 logs → T.7
  | 'rds-unavailable'        // RDS status stopped, rebooting, failed …: the database is down → T.1
  | 'all-functions-failing'  // every enabled managed function erring at once → T.12
  | 'probe-failed'           // a probe could not run at all: never a silent gap → T.10
  | 'probe-overdue'          // a probe has not finished a run for two of its intervals → T.10
  | 'unclassified';

export type Severity = 'critical' | 'high' | 'warning' | 'info';

/** What the stored error says, once parsed: facts the card and the alert can show. */
export interface DiagnosisFacts {
  httpStatus?: number;
  errorCode?: string;        // ECONNREFUSED, 53100, ERR_BAD_REQUEST …
  timeoutMs?: number;
  host?: string;
  port?: number;
  retryAfter?: string;       // ISO time from Gmail's "Retry after <time>"
  provider?: 'mix' | 'guardian' | 'ultramsg' | 'google' | 'postgres';
  accountStatus?: string;    // UltraMsg instance state: authenticated, qr, standby …
  accountSubstatus?: string; // connected, normal …
}

export interface Diagnosis {
  category: CategoryId;
  card: CardId | null;
  severity: Severity;
  /** The error's own words, redacted, as short as the source allows (≤ 500 chars). */
  text: string;
  facts: DiagnosisFacts;
}

/** Where a Sync_error row came from, which sometimes decides the cause (invalid_grant). */
export interface DiagnosisContext {
  functionName?: string | null;
  dataSourceId?: number | null;
}
