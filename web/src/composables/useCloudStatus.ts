import { useI18n } from 'vue-i18n';

/** AWS's own status words (RDS `DBInstanceStatus`, EC2 state names), translated when known. */
export function useCloudStatus() {
  const { t, te } = useI18n();

  function translate(group: 'rdsStatus' | 'ec2State', value: string): string {
    const key = `status.${group}.${value}`;
    return /^[a-z-]+$/.test(value) && te(key) ? t(key) : value;
  }

  return {
    rdsStatus: (status: string) => translate('rdsStatus', status),
    ec2State: (state: string) => translate('ec2State', state),
  };
}
