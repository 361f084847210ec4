import { createStore, del, get, set, type UseStore } from 'idb-keyval';

/**
 * The bearer token the service worker acknowledges with, kept in IndexedDB (the worker
 * cannot read localStorage). The app writes it on every session change; a push never
 * carries it.
 */
export interface WorkerSession {
  token: string;
  expiresAt: string;
}

const key = 'session';
let store: UseStore | undefined;

function turnoStore(): UseStore {
  store ??= createStore('turno-worker', 'keyval');
  return store;
}

export async function saveWorkerSession(session: WorkerSession | null): Promise<void> {
  const { token, expiresAt } = session ?? {};
  if (token && expiresAt) await set(key, { token, expiresAt }, turnoStore());
  else await del(key, turnoStore());
}

export async function readWorkerSession(): Promise<WorkerSession | null> {
  const value = (await get(key, turnoStore())) as Partial<WorkerSession> | undefined;
  if (typeof value?.token !== 'string' || typeof value.expiresAt !== 'string') return null;
  return { token: value.token, expiresAt: value.expiresAt };
}
