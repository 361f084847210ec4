import type { Role, SessionResponse } from '@turno/shared';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';

const storageKey = 'turno.session';

function restore(): SessionResponse | null {
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as SessionResponse | null;
    if (!saved?.token || Date.parse(saved.expiresAt) <= Date.now()) return null;
    return saved;
  } catch {
    return null;
  }
}

/** The signed-in user; kept in localStorage so closing the app does not sign out. */
export const useSessionStore = defineStore('session', () => {
  const session = ref<SessionResponse | null>(restore());

  const token = computed(() => session.value?.token ?? null);
  const user = computed(() => session.value?.user ?? null);
  const role = computed<Role | null>(() => session.value?.role ?? null);
  const signedIn = computed(() => session.value !== null);
  /** Viewers read; operators and admins may act. */
  const canAct = computed(() => role.value === 'operator' || role.value === 'admin');

  function start(next: SessionResponse): void {
    session.value = next;
    localStorage.setItem(storageKey, JSON.stringify(next));
  }

  function end(): void {
    session.value = null;
    localStorage.removeItem(storageKey);
  }

  return { session, token, user, role, signedIn, canAct, start, end };
});
