import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountApp } from '../test-utils.ts';
import DiagnosePage from './DiagnosePage.vue';

describe('DiagnosePage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it.each([['spaces', '   '], ['tabs and new lines', '\t\n \n'], ['no-break spaces', '\u00a0 ']])(
    'refuses text made only of %s',
    async (_name, text) => {
      const fetch = vi.fn();
      vi.stubGlobal('fetch', fetch);
      const { wrapper } = mountApp(DiagnosePage);

      await wrapper.get('[data-testid="diagnose-input"]').setValue(text);
      await wrapper.get('form').trigger('submit');

      expect(wrapper.get('[data-testid="btn-diagnose"]').attributes()).toHaveProperty('disabled');
      expect(fetch).not.toHaveBeenCalled();
    },
  );

  it('lets the button explain real text', async () => {
    const { wrapper } = mountApp(DiagnosePage);

    await wrapper.get('[data-testid="diagnose-input"]').setValue('  timeout of 3000ms exceeded ');

    expect(wrapper.get('[data-testid="btn-diagnose"]').attributes()).not.toHaveProperty('disabled');
  });
});
