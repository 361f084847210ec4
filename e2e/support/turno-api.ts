import type {
  Alert, MaintenanceWindow, PhoneReminder, RotationRequest, Schedule, StatusResponse,
} from '@turno/shared';

/** A thin client of Turno's HTTP API, for checks the screen cannot make on its own. */
export interface TurnoApi {
  openAlerts(): Promise<Alert[]>;
  alert(id: string): Promise<Alert>;
  phoneReminder(): Promise<PhoneReminder>;
  /** Sets the weekly on-call rotation (admin only). */
  setRotation(rotation: RotationRequest): Promise<void>;
  /** Puts someone on call for a while, ahead of the rotation (admin only). */
  addOverride(override: { user: string; startsAt: string; endsAt: string }): Promise<void>;
  /** Opens a maintenance window on resources Turno knows (admin only). */
  addMaintenance(
    window: Pick<MaintenanceWindow, 'startsAt' | 'endsAt' | 'resources' | 'reason'>,
  ): Promise<void>;
  status(): Promise<StatusResponse>;
  schedules(): Promise<Schedule[]>;
  /** Registers a push subscription for the signed-in user, as the PWA does. */
  subscribePush(subscription: PushSubscriptionJson): Promise<void>;
  /** Turns one of the sandbox's drills on or off (operator). */
  setDrill(name: string, on: boolean): Promise<void>;
}

export interface PushSubscriptionJson {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export async function signInApi(baseUrl: string, user: string): Promise<TurnoApi> {
  const session = await call<{ token: string }>(baseUrl, '/api/session/dev', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user }),
  });
  const authorization = `Bearer ${session.token}`;
  const get = <T>(path: string) => call<T>(baseUrl, path, {
    headers: { Authorization: authorization },
  });
  return {
    openAlerts: () => get<Alert[]>('/api/alerts?state=open'),
    alert: (id) => get<Alert>(`/api/alerts/${encodeURIComponent(id)}`),
    phoneReminder: () => get<PhoneReminder>('/api/whatsapp/reminder'),
    async setRotation(rotation) {
      await call(baseUrl, '/api/oncall/rotation', {
        method: 'PUT', headers: jsonHeaders(authorization), body: JSON.stringify(rotation),
      });
    },
    async addOverride(override) {
      await call(baseUrl, '/api/oncall/overrides', {
        method: 'POST', headers: jsonHeaders(authorization), body: JSON.stringify(override),
      });
    },
    async addMaintenance(window) {
      await call(baseUrl, '/api/maintenance', {
        method: 'POST', headers: jsonHeaders(authorization), body: JSON.stringify(window),
      });
    },
    status: () => get<StatusResponse>('/api/status'),
    schedules: () => get<Schedule[]>('/api/schedules'),
    async subscribePush(subscription) {
      await call(baseUrl, '/api/push/subscribe', {
        method: 'POST',
        headers: { Authorization: authorization, 'Content-Type': 'application/json' },
        body: JSON.stringify(subscription),
      });
    },
    async setDrill(name, on) {
      await call(baseUrl, `/api/drills/${encodeURIComponent(name)}`, {
        method: 'POST', headers: jsonHeaders(authorization), body: JSON.stringify({ on }),
      });
    },
  };
}

function jsonHeaders(authorization: string): Record<string, string> {
  return { Authorization: authorization, 'Content-Type': 'application/json' };
}

async function call<T>(baseUrl: string, path: string, init: RequestInit): Promise<T> {
  const response = await fetch(new URL(path, baseUrl), init);
  if (!response.ok) {
    // The API's error body says why: the test's failure should too.
    const body = await response.text();
    throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${body.slice(0, 300)}`);
  }
  return (await response.json()) as T;
}
