import { ref } from 'vue';
import { signInErrorKey, type SignInErrorKey } from '../auth/sign-in-error.ts';
import { useSessionStore } from '../stores/session.ts';

/** Leaves for Cognito's sign-in; on success the page unloads, so `busy` stays on. */
export function useCognitoSignIn() {
  const session = useSessionStore();
  const busy = ref(false);
  const error = ref<SignInErrorKey | null>(null);

  async function run(next: string): Promise<void> {
    if (busy.value) return;
    busy.value = true;
    error.value = null;
    try {
      await session.signInWithCognito(next);
    } catch (cause) {
      error.value = signInErrorKey(cause);
      busy.value = false;
    }
  }

  return { busy, error, run };
}
