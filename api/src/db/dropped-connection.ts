const droppedMessages = ['Connection terminated unexpectedly', 'Connection terminated'];
// 57P01 admin_shutdown (pg_terminate_backend, failover), 57P05 idle_session_timeout (PG 14+).
const droppedCodes = new Set(['ECONNRESET', 'EPIPE', '57P01', '57P05']);

/** True for the errors of a connection that died while idle, typically while Lambda was frozen. */
export function isDroppedConnection(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (typeof code === 'string' && droppedCodes.has(code))
    || droppedMessages.includes(error.message);
}
