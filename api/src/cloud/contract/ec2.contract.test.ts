import { createAwsEc2 } from '../aws/ec2.ts';
import { createSandboxEc2 } from '../sandbox-ec2.ts';
import { describeEc2Contract } from './ec2.contract.ts';
import { createFakeEc2Api } from './fake-ec2-api.ts';

describeEc2Contract('sandbox cloud', (instances) => createSandboxEc2(instances));

describeEc2Contract('AWS adapter over SDK v3', (instances) => createAwsEc2({
  ec2: createFakeEc2Api(instances).ec2, instanceIds: instances.map((instance) => instance.id),
}));
