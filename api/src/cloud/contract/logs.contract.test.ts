import { createAwsLogs } from '../aws/logs.ts';
import { createSandboxLogs, sandboxLogEvents, sandboxLogGroup } from '../sandbox-logs.ts';
import { createFakeLogsApi } from './fake-logs-api.ts';
import { describeLogsContract } from './logs.contract.ts';

describeLogsContract('sandbox cloud', (now) => ({ port: createSandboxLogs({ now }) }));

describeLogsContract('AWS adapter over SDK v3', (now) => {
  const groupName = sandboxLogGroup;
  const { logs, restore } = createFakeLogsApi({
    now, groupName,
    events: [...sandboxLogEvents, { minutesAgo: 2, message: 'main: 30.151s' }],
  });
  return { port: createAwsLogs({ logs, groupName, now }), close: restore };
});
