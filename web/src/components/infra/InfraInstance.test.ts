import type { Ec2InstanceView } from '@turno/shared';
import { describe, expect, it } from 'vitest';
import { mountApp } from '../../test-utils.ts';
import InfraInstance from './InfraInstance.vue';

function instance(statusChecks: string): Ec2InstanceView {
  return {
    id: 'i-0a1b2c3d4e5f60001', name: 'flotas-application-develop', type: 'c5.xlarge',
    zone: 'us-east-1a', state: 'running', statusChecks,
  };
}

function checksOf(statusChecks: string) {
  const { wrapper } = mountApp(InfraInstance, { props: { instance: instance(statusChecks) } });
  const checks = wrapper.get('[data-testid="instance-checks"]');
  return { text: checks.text(), bad: checks.classes().includes('instance__checks--bad') };
}

describe('InfraInstance', () => {
  it('shows all three checks passed, the attached EBS check included, as fine', () => {
    expect(checksOf('3/3')).toEqual({
      text: 'Comprobaciones de estado: 3/3 aprobadas', bad: false,
    });
  });

  it('marks a failed check', () => {
    expect(checksOf('2/3')).toEqual({
      text: 'Comprobaciones de estado: 2/3 aprobadas', bad: true,
    });
  });

  it.each([
    ['initializing', 'Comprobaciones de estado: iniciando'],
    ['insufficient-data', 'Comprobaciones de estado: todavía sin datos suficientes'],
  ])('shows a check still without a result (%s) as pending, not failed', (checks, text) => {
    expect(checksOf(checks)).toEqual({ text, bad: false });
  });
});
