import { describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import { useCloudStore } from '../../stores/cloud.ts';
import { mountApp } from '../../test-utils.ts';
import CronFlushSheet from './CronFlushSheet.vue';

describe('CronFlushSheet', () => {
  it('says Sandbox before a flush while the sandbox is in use', async () => {
    const { wrapper, pinia } = mountApp(CronFlushSheet, { props: { open: true } });
    expect(wrapper.find('[data-testid="action-sandbox"]').exists()).toBe(false);

    useCloudStore(pinia).kind = 'sandbox';
    await nextTick();

    expect(wrapper.get('[data-testid="flush-sheet"] [data-testid="action-sandbox"]').text())
      .toBe('Sandbox: esto cambia la copia de práctica, no la cuenta de AWS real.');
  });

  it('says nothing of the sandbox on AWS', async () => {
    const { wrapper, pinia } = mountApp(CronFlushSheet, { props: { open: true } });

    useCloudStore(pinia).kind = 'aws';
    await nextTick();

    expect(wrapper.get('[data-testid="flush-sheet"]').text()).not.toContain('Sandbox');
  });
});
