import type {
  AlertNotify, AppLocale, MaintenanceResources, MaintenanceWindow, OncallOverride,
  OncallResponse, PushDevice, PushTestResult, QuietHours, Rotation, RotationRequest,
} from '@turno/shared';
import type { ApiRequest } from './client.ts';

export interface NewOverride {
  user: string;
  startsAt: string;
  endsAt: string;
  reason?: string;
}

export interface NewMaintenanceWindow {
  startsAt: string;
  endsAt: string;
  resources: string[];
  reason: string;
}

/** On call, snooze, maintenance, quiet hours and push health: the notify endpoints. */
export function notifyEndpoints(request: ApiRequest) {
  const path = encodeURIComponent;
  return {
    oncall: () => request<OncallResponse>('/api/oncall'),
    saveRotation: (body: RotationRequest) =>
      request<Rotation>('/api/oncall/rotation', { method: 'PUT', body }),
    addOverride: (body: NewOverride) =>
      request<OncallOverride>('/api/oncall/overrides', { method: 'POST', body }),
    removeOverride: (id: string) =>
      request<unknown>(`/api/oncall/overrides/${path(id)}`, { method: 'DELETE' }),
    alertNotify: (id: string) => request<AlertNotify>(`/api/alerts/${path(id)}/notify`),
    snooze: (id: string, minutes: number) =>
      request<AlertNotify>(`/api/alerts/${path(id)}/snooze`, { method: 'PUT', body: { minutes } }),
    unsnooze: (id: string) =>
      request<AlertNotify>(`/api/alerts/${path(id)}/snooze`, { method: 'DELETE' }),
    maintenance: () => request<MaintenanceWindow[]>('/api/maintenance'),
    maintenanceResources: () => request<MaintenanceResources>('/api/maintenance/resources'),
    addMaintenance: (body: NewMaintenanceWindow) =>
      request<MaintenanceWindow>('/api/maintenance', { method: 'POST', body }),
    endMaintenance: (id: string) =>
      request<unknown>(`/api/maintenance/${path(id)}`, { method: 'DELETE' }),
    quietHours: () =>
      request<{ quietHours: QuietHours | null }>('/api/quiet-hours'),
    saveQuietHours: (body: QuietHours) =>
      request<{ quietHours: QuietHours | null }>('/api/quiet-hours', { method: 'PUT', body }),
    clearQuietHours: () =>
      request<{ quietHours: QuietHours | null }>('/api/quiet-hours', { method: 'DELETE' }),
    pushDevices: () => request<PushDevice[]>('/api/push/devices'),
    testPush: () => request<PushTestResult>('/api/push/test', { method: 'POST', body: {} }),
    /** `locale`: the app's language here, which this device's notifications will speak. */
    resyncPush: (
      subscription: PushSubscriptionJSON, locale: AppLocale, previousEndpoint?: string,
    ) =>
      request<{ id: string; replaced: boolean; locale: AppLocale }>('/api/push/subscription', {
        method: 'PUT',
        body: { subscription, locale, ...(previousEndpoint ? { previousEndpoint } : {}) },
      }),
  };
}
