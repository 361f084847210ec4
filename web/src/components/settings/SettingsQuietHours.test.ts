import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountApp } from '../../test-utils.ts';
import SettingsQuietHours from './SettingsQuietHours.vue';

function serve(stored: { startHour: number; endHour: number } | null) {
  const calls: Array<{ method: string; body: unknown }> = [];
  vi.stubGlobal('fetch', vi.fn(async (_url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) as unknown : null;
    calls.push({ method, body });
    const quietHours = method === 'PUT' ? body : method === 'DELETE' ? null : stored;
    return Response.json({ quietHours, timeZone: 'America/Mexico_City' });
  }));
  return calls;
}

describe('SettingsQuietHours', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the stored quiet hours and saves new ones', async () => {
    const calls = serve({ startHour: 22, endHour: 7 });
    const { wrapper } = mountApp(SettingsQuietHours);
    await flushPromises();
    expect(wrapper.get('[data-testid="quiet-state"]').text()).toBe('Silencio de 22:00 a 07:00.');

    await wrapper.get('[data-testid="quiet-start"]').setValue('23');
    await wrapper.get('[data-testid="btn-quiet-save"]').trigger('click');
    await flushPromises();

    expect(calls.at(-1)).toEqual({ method: 'PUT', body: { startHour: 23, endHour: 7 } });
    expect(wrapper.get('[data-testid="quiet-state"]').text()).toBe('Silencio de 23:00 a 07:00.');
    expect(wrapper.get('[role="status"]').text()).toMatch(/guardadas/);
  });

  it('turns them off', async () => {
    const calls = serve({ startHour: 22, endHour: 7 });
    const { wrapper } = mountApp(SettingsQuietHours);
    await flushPromises();

    await wrapper.get('[data-testid="btn-quiet-off"]').trigger('click');
    await flushPromises();

    expect(calls.at(-1)?.method).toBe('DELETE');
    expect(wrapper.get('[data-testid="quiet-state"]').text()).toMatch(/Sin horas de silencio/);
  });

  it('will not save the same start and end', async () => {
    serve(null);
    const { wrapper } = mountApp(SettingsQuietHours);
    await flushPromises();

    await wrapper.get('[data-testid="quiet-start"]').setValue('7');

    expect(wrapper.get('[data-testid="btn-quiet-save"]').attributes('disabled')).toBeDefined();
  });
});
