/**
 * The one error catalog. The API answers `{"error":{"code","message"}}` with the status
 * given here; the PWA translates each code through `errors.<code>` in its messages.
 */
export const errorCatalog = {
  bad_request: { status: 400, message: 'The request is not valid.' },
  invalid_json: { status: 400, message: 'The body is not valid JSON.' },
  body_too_large: { status: 413, message: 'The body is too large.' },
  request_too_large: {
    status: 431, message: 'The request\'s address or headers are too large.',
  },
  request_timeout: { status: 408, message: 'The request took too long to arrive.' },
  validation_failed: { status: 400, message: 'A field is missing or has the wrong form.' },
  query_parameter_repeated: {
    status: 400,
    message: 'A query parameter was given more than once; give each at most once.',
  },
  unauthenticated: { status: 401, message: 'Sign in to continue.' },
  invalid_token: { status: 401, message: 'The session is not valid or has expired.' },
  forbidden: { status: 403, message: 'Your role does not allow this action.' },
  dev_sign_in_disabled: { status: 403, message: 'Development sign-in is turned off here.' },
  unknown_user: { status: 403, message: 'That user is not configured.' },
  not_found: { status: 404, message: 'Not found.' },
  method_not_allowed: {
    status: 405, message: 'This address does not take that method; see the Allow header.',
  },
  alert_not_found: { status: 404, message: 'That alert does not exist.' },
  schedule_not_found: { status: 404, message: 'That schedule does not exist.' },
  schedule_not_managed: {
    status: 403,
    message: 'That schedule is not managed by Turno; change it in the AWS console.',
  },
  alert_already_resolved: { status: 409, message: 'That alert is already resolved.' },
  idempotency_conflict: {
    status: 409,
    message: 'That Idempotency-Key was already used for a different action.',
  },
  schedule_changed_meanwhile: {
    status: 409,
    message: 'The schedule changed while it was being updated; read it again.',
  },
  action_in_progress: { status: 409, message: 'The same action is already running.' },
  idempotency_key_invalid: {
    status: 400, message: 'The Idempotency-Key header must be 1 to 128 visible ASCII characters.',
  },
  subscription_invalid: { status: 400, message: 'The push subscription is not valid.' },
  locale_unsupported: {
    status: 400, message: 'The language must be one of the app\'s: es-MX or en.',
  },
  pm2_process_invalid: {
    status: 400,
    message: 'The process must be its pm2 id (digits, as pm2 list shows), not its name.',
  },
  cron_command_not_found: { status: 404, message: 'That cron host command does not exist.' },
  cron_host_unreachable: {
    status: 502,
    message: 'The cron instance did not answer through SSM: is it running with its agent online?',
  },
  log_group_not_found: { status: 404, message: 'The application log group does not exist.' },
  database_not_found: {
    status: 404, message: 'Turno does not watch an RDS instance with that id.',
  },
  confirmation_mismatch: {
    status: 400,
    message: 'The confirmation does not match: type the instance id exactly.',
  },
  storage_target_too_small: {
    status: 400,
    message: 'The new storage must be at least 10 % above the current allocation.',
  },
  database_not_available: {
    status: 409,
    message: 'The instance is not available; wait until RDS shows it as available.',
  },
  storage_optimizing: {
    status: 409,
    message: 'RDS is still optimizing the last storage change; wait until it finishes.',
  },
  storage_change_pending: {
    status: 409,
    message: 'A storage change is already waiting to be applied to this instance.',
  },
  cloud_rejected: {
    status: 409, message: 'AWS refused the change; its reason is in the details.',
  },
  storage_changed_recently: {
    status: 409,
    message: 'The storage changed less than 6 hours ago; RDS allows one change every 6 hours.',
  },
  cloud_unavailable: { status: 502, message: 'The cloud provider did not answer.' },
  database_unavailable: { status: 503, message: 'The database did not answer.' },
  sync_error_table_unavailable: {
    status: 503,
    message: 'The Sync_error table or one of its configured columns does not exist.',
  },
  alert_already_acknowledged: {
    status: 409, message: 'That alert is already acknowledged: nothing is pending to snooze.',
  },
  snooze_invalid: { status: 400, message: 'Snooze for 5 minutes to 24 hours.' },
  rotation_invalid: {
    status: 400,
    message: 'The rotation needs 1 to 20 different people, a weekday, an hour and its timings.',
  },
  override_invalid: {
    status: 400, message: 'An override needs a person and an end after its start.',
  },
  oncall_person_unknown: {
    status: 400,
    message: 'Turno does not know that person: they must sign in to Turno once first.',
  },
  oncall_person_cannot_acknowledge: {
    status: 400,
    message: 'That person cannot acknowledge alerts: on call needs an operator or an admin.',
  },
  override_not_found: { status: 404, message: 'That on-call override does not exist.' },
  maintenance_invalid: {
    status: 400,
    message: 'A maintenance window needs an end after its start, resources and a reason.',
  },
  maintenance_unknown_resource: {
    status: 400,
    message: 'Turno knows no resource by that name; choose one from the list.',
  },
  maintenance_not_found: { status: 404, message: 'That maintenance window does not exist.' },
  quiet_hours_invalid: {
    status: 400, message: 'Quiet hours need a start and an end hour (0–23) that differ.',
  },
  push_no_device: {
    status: 409, message: 'No device of yours receives notifications; turn them on first.',
  },
  drills_sandbox_only: { status: 409, message: 'Drills exist only in the sandbox cloud.' },
  drill_not_found: { status: 404, message: 'That drill does not exist.' },
  whatsapp_not_watched: {
    status: 409, message: 'Turno watches no UltraMsg instance here: it is not configured.',
  },
  whatsapp_qr_unavailable: {
    status: 409, message: 'The WhatsApp instance is not waiting for a QR scan right now.',
  },
  ultramsg_unavailable: { status: 502, message: 'UltraMsg did not answer.' },
  internal: { status: 500, message: 'Something failed on the server.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalog;

/** The one error type the API throws; a single handler turns it into a JSON response. */
export class TurnoError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? errorCatalog[code].message);
    this.name = 'TurnoError';
    this.code = code;
    this.status = errorCatalog[code].status;
    this.details = details;
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: Record<string, unknown> };
}
