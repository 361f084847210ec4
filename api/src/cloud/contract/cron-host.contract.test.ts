import { createSsmCronHost } from '../aws/ssm.ts';
import { createSandboxCronHost } from '../sandbox-cron-host.ts';
import { describeCronHostContract } from './cron-host.contract.ts';
import { createFakeSsmApi } from './fake-ssm-api.ts';

describeCronHostContract('sandbox cloud', ({ now, daemonRunning }) =>
  ({ port: createSandboxCronHost({ now, daemonRunning }) }));

describeCronHostContract('AWS adapter over SDK v3', ({ now, daemonRunning }) => {
  const { ssm, restore } = createFakeSsmApi({ now, daemonRunning });
  return {
    port: createSsmCronHost({ ssm, instanceId: 'i-0a1b2c3d4e5f60002', now }),
    close: restore,
  };
});
