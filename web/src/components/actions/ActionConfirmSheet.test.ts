import type { Alert, Schedule } from '@turno/shared';
import { describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import { useCloudStore } from '../../stores/cloud.ts';
import { mountApp } from '../../test-utils.ts';
import ActionConfirmSheet from './ActionConfirmSheet.vue';

const schedule: Schedule = {
  group: 'default', name: 'up_update_active_positions', state: 'ENABLED',
  function: 'up-update-active-positions',
  targetArn: 'arn:aws:lambda:us-east-1:111122223333:function:up-update-active-positions',
  managed: true, description: null, lastModified: null, endDate: null, firesNever: false,
};

describe('ActionConfirmSheet', () => {
  it('names the schedule and the function that stops', () => {
    const { wrapper } = mountApp(ActionConfirmSheet, {
      props: { action: { kind: 'pause', schedule } },
    });

    const sheet = wrapper.get('[data-testid="confirm-sheet"]').text();
    expect(sheet).toContain('up_update_active_positions');
    expect(sheet).toContain('La función Lambda up-update-active-positions dejará de traer datos');
  });

  it('names the alert to resolve and says it comes back if errors continue', () => {
    const alert = { id: 'a-1', card: '4.1' } as Alert;
    const { wrapper } = mountApp(ActionConfirmSheet, {
      props: { action: { kind: 'resolve', alert, cause: 'Disco lleno' } },
    });

    const sheet = wrapper.get('[data-testid="confirm-sheet"]');
    expect(sheet.get('h2').text()).toBe('¿Resolver la alerta 4.1: Disco lleno?');
    expect(sheet.text()).toContain('Turno la abrirá otra vez y volverá a avisar a la guardia');
    expect(wrapper.get('[data-testid="confirm-accept"]').text()).toBe('Sí, resolver');
  });

  it('emits confirm once under a double tap', async () => {
    const { wrapper } = mountApp(ActionConfirmSheet, {
      props: { action: { kind: 'pause', schedule } },
    });

    const accept = wrapper.get('[data-testid="confirm-accept"]');
    // Both taps land before Vue re-renders the button as disabled, as on a real phone.
    (accept.element as HTMLButtonElement).click();
    (accept.element as HTMLButtonElement).click();
    await wrapper.vm.$nextTick();
    await accept.trigger('click');

    expect(wrapper.emitted('confirm')).toHaveLength(1);
    expect(accept.attributes('disabled')).toBeDefined();
  });

  it('shows the error and lets the same confirmation be retried', async () => {
    const { wrapper } = mountApp(ActionConfirmSheet, {
      props: { action: { kind: 'resume', schedule }, busy: true },
    });

    await wrapper.setProps({ busy: false, error: 'AWS no respondió.' });
    await wrapper.get('[data-testid="confirm-accept"]').trigger('click');

    expect(wrapper.get('[role="alert"]').text()).toBe('AWS no respondió.');
    expect(wrapper.emitted('confirm')).toHaveLength(1);
  });

  it.each(['pause', 'resume'] as const)('says Sandbox before a %s in the sandbox', async (kind) => {
    const { wrapper, pinia } = mountApp(ActionConfirmSheet, {
      props: { action: { kind, schedule } },
    });
    expect(wrapper.find('[data-testid="action-sandbox"]').exists()).toBe(false);

    useCloudStore(pinia).kind = 'sandbox';
    await nextTick();

    expect(wrapper.get('[data-testid="action-sandbox"]').text())
      .toBe('Sandbox: esto cambia la copia de práctica, no la cuenta de AWS real.');
  });

  it('says nothing of the sandbox when acknowledging, which changes no cloud', async () => {
    const alert = { id: 'a-1', card: '4.1' } as Alert;
    const { wrapper, pinia } = mountApp(ActionConfirmSheet, {
      props: { action: { kind: 'ack', alert, cause: 'Disco lleno' } },
    });

    useCloudStore(pinia).kind = 'sandbox';
    await nextTick();

    expect(wrapper.find('[data-testid="action-sandbox"]').exists()).toBe(false);
  });

  it('is not shown without an action, and cancel emits cancel', async () => {
    const { wrapper } = mountApp(ActionConfirmSheet, { props: { action: null } });
    expect(wrapper.find('[data-testid="confirm-sheet"]').exists()).toBe(false);

    await wrapper.setProps({ action: { kind: 'pause', schedule } });
    await wrapper.get('[data-testid="confirm-cancel"]').trigger('click');

    expect(wrapper.emitted('cancel')).toHaveLength(1);
  });
});
