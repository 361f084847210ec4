import { maxStorageGiB, type Database } from '@turno/shared';
import { describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import { useCloudStore } from '../../stores/cloud.ts';
import { mountApp } from '../../test-utils.ts';
import InfraGrowConfirm from './InfraGrowConfirm.vue';

const database: Database = {
  id: 'flotas-develop', role: 'primary', status: 'storage-full', cpuPercent: 8.38,
  connections: 7, allocatedStorageGiB: 100, freeStorageGiB: 0.2, freeStoragePercent: 0.2,
  replicaLagSeconds: null, replicaOf: null, instanceClass: 'db.t4g.large', engine: 'postgres',
  zone: 'us-east-1c', maxAllocatedStorageGiB: null, storageType: 'gp3', iops: 3000,
  pendingModifiedValues: {},
  growStorage: { allowed: true, reason: null, suggestedGiB: 110, allowedFrom: null },
};

function mountSheet() {
  const { wrapper, pinia } = mountApp(InfraGrowConfirm, { props: { database } });
  const accept = () => wrapper.get('[data-testid="grow-accept"]');
  return { wrapper, pinia, accept };
}

describe('InfraGrowConfirm', () => {
  it('shows the current and the target size', () => {
    const { wrapper } = mountSheet();

    expect(wrapper.get('[data-testid="grow-change"]').text()).toBe('100 GiB → 110 GiB');
  });

  it('says Sandbox while the sandbox is in use', async () => {
    const { wrapper, pinia } = mountSheet();
    expect(wrapper.find('[data-testid="action-sandbox"]').exists()).toBe(false);

    useCloudStore(pinia).kind = 'sandbox';
    await nextTick();

    expect(wrapper.get('[data-testid="action-sandbox"]').text()).toContain('Sandbox');
  });

  it('keeps accept disabled until the instance id is typed exactly', async () => {
    const { wrapper, accept } = mountSheet();
    const typed = wrapper.get('[data-testid="grow-typed-id"]');

    expect(accept().attributes('disabled')).toBeDefined();
    await typed.setValue('flotas-develop-replica');
    expect(accept().attributes('disabled')).toBeDefined();
    await typed.setValue('flotas-develop');
    expect(accept().attributes('disabled')).toBeUndefined();

    await accept().trigger('click');
    await wrapper.get('form').trigger('submit');
    expect(wrapper.emitted('confirm')).toEqual([[{ targetGiB: 110, confirm: 'flotas-develop' }]]);
  });

  it('refuses a target under 10 % above the current size', async () => {
    const { wrapper, accept } = mountSheet();
    await wrapper.get('[data-testid="grow-typed-id"]').setValue('flotas-develop');

    await wrapper.get('[data-testid="grow-target"]').setValue('105');
    expect(accept().attributes('disabled')).toBeDefined();

    await wrapper.get('[data-testid="grow-target"]').setValue('150');
    expect(wrapper.get('[data-testid="grow-change"]').text()).toBe('100 GiB → 150 GiB');
    await wrapper.get('form').trigger('submit');
    expect(wrapper.emitted('confirm')).toEqual([[{ targetGiB: 150, confirm: 'flotas-develop' }]]);
  });

  it('names the RDS maximum beside the minimum in the size hint', () => {
    const { wrapper } = mountSheet();

    expect(wrapper.get('[data-testid="grow-confirm"] label').text()).toBe(
      'Nuevo tamaño en GiB: mínimo 110 (10\u00a0% más que hoy), máximo 65536 (el límite de RDS)');
  });

  it.each([
    ['70000', 'RDS permite a lo más 65536 GiB (64 TiB) por instancia: escribe un tamaño menor.'],
    ['105', 'RDS pide crecer al menos 10\u00a0%: escribe 110 GiB o más.'],
    ['', 'Escribe el nuevo tamaño en GiB como número entero.'],
  ])('says why accept is off for a target of "%s" GiB', async (typed, why) => {
    const { wrapper, accept } = mountSheet();
    await wrapper.get('[data-testid="grow-typed-id"]').setValue('flotas-develop');

    await wrapper.get('[data-testid="grow-target"]').setValue(typed);

    expect(accept().attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-testid="grow-confirm-why"]').text()).toBe(why);
    expect(accept().attributes('aria-describedby')).toBe('grow-confirm-why');
  });

  it('says the instance id is missing, then that it does not match, then nothing', async () => {
    const { wrapper, accept } = mountSheet();
    const why = () => wrapper.find('[data-testid="grow-confirm-why"]');
    expect(why().text()).toBe('Falta escribir el nombre de la instancia para confirmar.');

    await wrapper.get('[data-testid="grow-typed-id"]').setValue('flotas-develop-replica');
    expect(why().text()).toBe('El nombre escrito no coincide: debe ser flotas-develop.');

    await wrapper.get('[data-testid="grow-typed-id"]').setValue('flotas-develop');
    expect(why().exists()).toBe(false);
    expect(accept().attributes('aria-describedby')).toBeUndefined();
  });

  it('gives both reasons when the target is too large and the id not typed', async () => {
    const { wrapper } = mountSheet();

    await wrapper.get('[data-testid="grow-target"]').setValue('70000');

    const reasons = wrapper.findAll('[data-testid="grow-confirm-why"] li');
    expect(reasons.map((li) => li.text())).toEqual([
      'RDS permite a lo más 65536 GiB (64 TiB) por instancia: escribe un tamaño menor.',
      'Falta escribir el nombre de la instancia para confirmar.',
    ]);
  });

  it('accepts the RDS maximum itself', async () => {
    const { wrapper, accept } = mountSheet();
    await wrapper.get('[data-testid="grow-typed-id"]').setValue('flotas-develop');

    await wrapper.get('[data-testid="grow-target"]').setValue(String(maxStorageGiB));

    expect(accept().attributes('disabled')).toBeUndefined();
  });
});
