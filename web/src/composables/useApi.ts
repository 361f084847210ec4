import { useRouter } from 'vue-router';
import { createApiClient } from '../api/client.ts';
import { createTurnoApi, type TurnoApi } from '../api/turno.ts';
import { useSessionStore } from '../stores/session.ts';

/** The API bound to the current session; a 401 ends it and goes back to sign-in. */
export function useApi(): TurnoApi {
  const session = useSessionStore();
  const router = useRouter();
  const request = createApiClient({
    getToken: () => session.freshToken(),
    onUnauthorized: () => {
      const next = router.currentRoute.value.fullPath;
      session.end();
      void router.replace({ name: 'sign-in', query: { next } });
    },
  });
  return createTurnoApi(request);
}
