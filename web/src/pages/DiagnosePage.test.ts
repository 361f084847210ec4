import { maxRequestBytes } from '@turno/shared/api/limits';
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountApp } from '../test-utils.ts';
import DiagnosePage from './DiagnosePage.vue';

const diskFull = {
  category: 'database-disk-full', card: '4.1', title: 'Almacenamiento de RDS lleno',
  text: 'No space left on device', severity: 'critical',
};

/** An API that explains anything as disk full, or answers `status` with `body`. */
function serve(status = 200, body: unknown = diskFull) {
  const sent: string[] = [];
  vi.stubGlobal('fetch', vi.fn(async (_input: string, init?: RequestInit) => {
    sent.push(String(init?.body));
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(text, { status });
  }));
  return sent;
}

async function explain(text: string) {
  const { wrapper } = mountApp(DiagnosePage);
  await wrapper.get('[data-testid="diagnose-input"]').setValue(text);
  await wrapper.get('form').trigger('submit');
  await flushPromises();
  return wrapper;
}

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

  it('takes a paste past 20,000 characters: the field has no length limit', async () => {
    const { wrapper } = mountApp(DiagnosePage);

    expect(wrapper.get('[data-testid="diagnose-input"]').attributes('maxlength')).toBeUndefined();
  });

  it('explains a 200 KB paste by its start and end, and says so in words', async () => {
    const sent = serve();
    const pasted = `Error: first line\n${'x'.repeat(200_000)}\nNo space left on device`;

    const wrapper = await explain(pasted);

    expect(wrapper.get('[data-testid="diagnose-cut"]').text()).toBe('El texto pesa 195 KB y '
      + 'Turno explica hasta 64 KB: enviará el principio y el final (64 KB), donde suelen estar '
      + 'el mensaje del error y su causa. Lo de en medio no se revisa.');
    expect(sent).toHaveLength(1);
    const body = sent[0] ?? '';
    expect(new TextEncoder().encode(body).length).toBeLessThanOrEqual(maxRequestBytes);
    const { text } = JSON.parse(body) as { text: string };
    expect(text.startsWith('Error: first line')).toBe(true);
    expect(text.endsWith('No space left on device')).toBe(true);
    expect(wrapper.get('[data-testid="diagnose-result"]').attributes('data-card')).toBe('4.1');
    expect(wrapper.get('[data-testid="diagnose-cut-result"]').text())
      .toBe('Explicado con el principio y el final del texto: 64 KB de 195 KB.');
  });

  it('sends a paste that fits whole and says nothing of a cut', async () => {
    const sent = serve();

    const wrapper = await explain('could not extend file: No space left on device');

    expect(sent).toEqual(['{"text":"could not extend file: No space left on device"}']);
    expect(wrapper.find('[data-testid="diagnose-cut"]').exists()).toBe(false);
  });

  it.each([
    ['Turno\'s 413', { error: { code: 'body_too_large', message: 'The body is too large.' } }],
    ['a proxy\'s bare 413', 'Payload Too Large'],
  ])('words %s as what to paste instead, not a generic failure', async (_name, body) => {
    serve(413, body);

    const wrapper = await explain('timeout of 3000ms exceeded');

    expect(wrapper.get('[data-testid="diagnose-too-large"]').text()).toBe('El texto es más '
      + 'grande de lo que el servidor acepta. Pega solo el error o sus últimas líneas.');
    expect(wrapper.text()).not.toContain('Algo falló');
  });
});
