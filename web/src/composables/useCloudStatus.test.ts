import { pm2ProcessStatuses } from '@turno/shared';
import { describe, expect, it } from 'vitest';
import { defineComponent } from 'vue';
import { mountApp } from '../test-utils.ts';
import { useCloudStatus } from './useCloudStatus.ts';

const rds = [
  'available', 'backing-up', 'modifying', 'storage-full', 'storage-optimization', 'rebooting',
  'stopped', 'starting', 'stopping', 'failed', 'maintenance', 'upgrading', 'creating', 'deleting',
];
const ec2 = ['pending', 'running', 'stopping', 'stopped', 'shutting-down', 'terminated'];

function withStatus() {
  let found: ReturnType<typeof useCloudStatus> | undefined;
  mountApp(defineComponent({
    setup() {
      found = useCloudStatus();
      return () => null;
    },
  }));
  if (!found) throw new Error('not mounted');
  return found;
}

describe('useCloudStatus', () => {
  it('translates every RDS status the on-call team meets', () => {
    const { rdsStatus } = withStatus();

    expect(rds.filter((status) => rdsStatus(status) === status)).toEqual([]);
  });

  it('translates every EC2 instance state', () => {
    const { ec2State } = withStatus();

    expect(ec2State('running')).toBe('en ejecución');
    expect(ec2.filter((state) => ec2State(state) === state)).toEqual([]);
  });

  it('translates every pm2 process status, the one with a space too', () => {
    const { pm2Status } = withStatus();

    expect(pm2Status('errored')).toBe('con error');
    expect(pm2Status('waiting restart')).toBe('esperando para reiniciar');
    expect(pm2ProcessStatuses.filter((status) => pm2Status(status) === status)).toEqual([]);
  });

  it('falls back to the raw value for an unknown or path-like status', () => {
    const { rdsStatus, ec2State } = withStatus();

    expect(rdsStatus('brand-new-status')).toBe('brand-new-status');
    expect(rdsStatus('role.primary')).toBe('role.primary');
    expect(ec2State('')).toBe('');
  });
});
