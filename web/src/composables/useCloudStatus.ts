import { useI18n } from 'vue-i18n';

/**
 * AWS's and pm2's own status words (RDS `DBInstanceStatus`, EC2 state names, pm2 process
 * statuses), translated when known.
 */
export function useCloudStatus() {
  const { t, te } = useI18n();

  function translate(group: string, value: string): string {
    const key = `${group}.${value}`;
    return /^[a-z-]+$/.test(value) && te(key) ? t(key) : value;
  }

  return {
    rdsStatus: (status: string) => translate('status.rdsStatus', status),
    ec2State: (state: string) => translate('status.ec2State', state),
    // pm2 writes "waiting restart" with a space.
    pm2Status: (status: string) => translate('cron.pm2Status', status.replaceAll(' ', '-')),
  };
}
