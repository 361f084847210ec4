import type { Role } from '@turno/shared';
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '../stores/session.ts';
import { mountApp } from '../test-utils.ts';
import SettingsPage from './SettingsPage.vue';

async function signedInAs(user: string, role: Role): Promise<string> {
  vi.stubGlobal('fetch', vi.fn(async () => Response.json({})));
  const { wrapper, pinia } = mountApp(SettingsPage);
  useSessionStore(pinia).start({
    token: 't', role, user, expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  });
  await flushPromises();
  return wrapper.get('[data-testid="signed-in-as"]').text();
}

describe('SettingsPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says who is signed in without saying the role twice', async () => {
    expect(await signedInAs('operador', 'operator')).toBe('Entraste como operador.');
    expect(await signedInAs('pepito', 'operator')).toBe('Entraste como pepito (operador).');
  });
});
