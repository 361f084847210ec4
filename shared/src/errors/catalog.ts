/**
 * The one error catalog. The API answers `{"error":{"code","message"}}` with the status
 * given here; the PWA translates each code through `errors.<code>` in its messages.
 */
export const errorCatalog = {
  bad_request: { status: 400, message: 'The request is not valid.' },
  invalid_json: { status: 400, message: 'The body is not valid JSON.' },
  validation_failed: { status: 400, message: 'A field is missing or has the wrong form.' },
  unauthenticated: { status: 401, message: 'Sign in to continue.' },
  invalid_token: { status: 401, message: 'The session is not valid or has expired.' },
  forbidden: { status: 403, message: 'Your role does not allow this action.' },
  dev_sign_in_disabled: { status: 403, message: 'Development sign-in is turned off here.' },
  unknown_user: { status: 403, message: 'That user is not configured.' },
  not_found: { status: 404, message: 'Not found.' },
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
  subscription_invalid: { status: 400, message: 'The push subscription is not valid.' },
  cloud_unavailable: { status: 502, message: 'The cloud provider did not answer.' },
  database_unavailable: { status: 503, message: 'The database did not answer.' },
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
