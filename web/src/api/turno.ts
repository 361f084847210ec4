import type {
  Alert, AppLocale, AuditEntry, DiagnoseResponse, HealthResponse, Schedule, SessionResponse,
  StatusResponse, SyncErrorRow,
} from '@turno/shared';
import type {
  Database, DatabaseThresholds, Ec2InstanceView, GrowStorageRequest, GrowStorageResponse,
} from '@turno/shared';
import type {
  CronCommandRequest, CronCommandStarted, CronCommandView, LogErrorsResponse, LogRetention,
  LogRetentionDays,
} from '@turno/shared';
import type { ApiRequest } from './client.ts';
import { createMessagingApi } from './messaging.ts';
import { notifyEndpoints } from './notify.ts';

export interface ScheduleActionResult {
  schedule: Schedule;
  replayed: boolean;
}

export type ScheduleAction = 'pause' | 'resume';

export interface SyncErrorPage {
  items: SyncErrorRow[];
  /** The `before` cursor of the next page, null on the last one. */
  nextBefore: string | null;
}

/** Every `/api` endpoint the PWA calls, typed with the shared schemas. */
export function createTurnoApi(request: ApiRequest) {
  const path = encodeURIComponent;
  return {
    health: () => request<HealthResponse>('/api/health'),
    signIn: (user: string) =>
      request<SessionResponse>('/api/session/dev', { method: 'POST', body: { user } }),
    status: () => request<StatusResponse>('/api/status'),
    alerts: (state?: Alert['state']) => request<Alert[]>('/api/alerts', { query: { state } }),
    alert: (id: string) => request<Alert>(`/api/alerts/${path(id)}`),
    acknowledge: (id: string) =>
      request<unknown>(`/api/alerts/${path(id)}/ack`, { method: 'POST', body: {} }),
    resolveAlert: (id: string, idempotencyKey: string) =>
      request<Alert>(`/api/alerts/${path(id)}/resolve`, {
        method: 'POST', body: {}, headers: { 'Idempotency-Key': idempotencyKey },
      }),
    schedules: () => request<Schedule[]>('/api/schedules'),
    changeSchedule: (schedule: Schedule, action: ScheduleAction, idempotencyKey: string) =>
      request<ScheduleActionResult>(
        `/api/schedules/${path(schedule.group)}/${path(schedule.name)}/${action}`,
        { method: 'POST', body: {}, headers: { 'Idempotency-Key': idempotencyKey } },
      ),
    /** Newest first; `before` (the last row's id) reads the next, older page. */
    audit: (before?: string, limit = 100) =>
      request<AuditEntry[]>('/api/audit', { query: { before, limit } }),
    databases: () => request<Database[]>('/api/databases'),
    databaseThresholds: () => request<DatabaseThresholds>('/api/databases/thresholds'),
    instances: () => request<Ec2InstanceView[]>('/api/instances'),
    /** `confirm` is what the user typed: the API checks it is the instance id. */
    growStorage: (id: string, body: GrowStorageRequest, idempotencyKey: string) =>
      request<GrowStorageResponse>(`/api/databases/${path(id)}/grow-storage`, {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    cronCommand: (body: CronCommandRequest, idempotencyKey?: string) =>
      request<CronCommandStarted>('/api/cron-host/commands', {
        method: 'POST',
        body,
        ...(idempotencyKey ? { headers: { 'Idempotency-Key': idempotencyKey } } : {}),
      }),
    cronCommandStatus: (id: string) =>
      request<CronCommandView>(`/api/cron-host/commands/${path(id)}`),
    logErrors: (limit = 20) => request<LogErrorsResponse>('/api/logs/errors', { query: { limit } }),
    logRetention: () => request<LogRetention>('/api/logs/retention'),
    setLogRetention: (days: LogRetentionDays | null, idempotencyKey: string) =>
      request<{ retention: LogRetention }>('/api/logs/retention', {
        method: 'PUT', body: { days }, headers: { 'Idempotency-Key': idempotencyKey },
      }),
    syncErrors: (before?: string, limit = 25) =>
      request<SyncErrorPage>('/api/sync-errors', { query: { before, limit } }),
    diagnose: (text: string) =>
      request<DiagnoseResponse>('/api/diagnose', { method: 'POST', body: { text } }),
    pushKey: async () => (await request<{ publicKey: string }>('/api/push/key')).publicKey,
    subscribe: (subscription: PushSubscriptionJSON, locale: AppLocale) =>
      request<unknown>('/api/push/subscribe', {
        method: 'POST', body: { ...subscription, locale },
      }),
    unsubscribe: (endpoint: string) =>
      request<unknown>('/api/push/unsubscribe', { method: 'POST', body: { endpoint } }),
    ...notifyEndpoints(request),
    ...createMessagingApi(request),
  };
}

export type TurnoApi = ReturnType<typeof createTurnoApi>;
