import { createAwsRds } from '../aws/rds.ts';
import { createSandboxRds } from '../sandbox-rds.ts';
import { createFakeRdsApi } from './fake-rds-api.ts';
import { describeRdsContract } from './rds.contract.ts';

describeRdsContract('sandbox cloud', ({ databases, now }) =>
  createSandboxRds({ databases, now, random: () => 0.5 }));

describeRdsContract('AWS adapter over SDK v3', ({ databases, now }) => {
  const { rds, cloudwatch } = createFakeRdsApi({ databases, now });
  return createAwsRds({
    rds, cloudwatch, instanceIds: databases.map((db) => db.instance.id), now,
  });
});
