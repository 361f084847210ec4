import type { Alert, Schedule, StatusResponse } from '@turno/shared';

/** A thin client of Turno's HTTP API, for checks the screen cannot make on its own. */
export interface TurnoApi {
  openAlerts(): Promise<Alert[]>;
  status(): Promise<StatusResponse>;
  schedules(): Promise<Schedule[]>;
  /** Registers a push subscription for the signed-in user, as the PWA does. */
  subscribePush(subscription: PushSubscriptionJson): Promise<void>;
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
    status: () => get<StatusResponse>('/api/status'),
    schedules: () => get<Schedule[]>('/api/schedules'),
    async subscribePush(subscription) {
      await call(baseUrl, '/api/push/subscribe', {
        method: 'POST',
        headers: { Authorization: authorization, 'Content-Type': 'application/json' },
        body: JSON.stringify(subscription),
      });
    },
  };
}

async function call<T>(baseUrl: string, path: string, init: RequestInit): Promise<T> {
  const response = await fetch(new URL(path, baseUrl), init);
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status}`);
  return (await response.json()) as T;
}
