import type { SentCommand } from './sdk-recorder.ts';
import type { AccessRequest } from './template-policies.ts';

/**
 * Test support: what IAM authorises for each SDK call, from the call's own input. Written from
 * the Service Authorization Reference, apart from the stack's code, so the two can disagree.
 * An action missing here is checked against `*`, which a scoped grant does not satisfy.
 */
export function accessRequests(
  sent: SentCommand, where: { region: string; account: string },
): AccessRequest[] {
  const { region, account } = where;
  const input = sent.input as Record<string, string | undefined> & {
    InstanceIds?: string[];
    Target?: { RoleArn?: string };
  };
  const arn = (service: string, resource: string, owner = account) =>
    `arn:aws:${service}:${region}:${owner}:${resource}`;
  const schedule = () => arn('scheduler', `schedule/${input.GroupName}/${input.Name}`);
  const logGroup = () => arn('logs', `log-group:${input.logGroupName}:*`);
  const on = (...resources: string[]): AccessRequest[] => [{ action: sent.action, resources }];

  switch (sent.action) {
    case 'scheduler:GetSchedule':
      return on(schedule());
    case 'scheduler:UpdateSchedule':
      // Sending the target's role back passes it to Scheduler (iam:PassRole).
      return [...on(schedule()), {
        action: 'iam:PassRole',
        resources: [input.Target?.RoleArn ?? ''],
        context: { 'iam:PassedToService': 'scheduler.amazonaws.com' },
      }];
    case 'rds:DescribeDBInstances':
      return on(arn('rds', `db:${input.DBInstanceIdentifier ?? '*'}`));
    case 'rds:ModifyDBInstance':
      return on(arn('rds', `db:${input.DBInstanceIdentifier}`));
    case 'ssm:SendCommand': {
      const document = input.DocumentName ?? '';
      // AWS-owned documents have no account in their ARN.
      const owner = document.startsWith('AWS-') ? '' : account;
      return on(...(input.InstanceIds ?? []).map((id) => arn('ec2', `instance/${id}`)),
        arn('ssm', `document/${document}`, owner));
    }
    case 'logs:FilterLogEvents':
    case 'logs:PutRetentionPolicy':
    case 'logs:DeleteRetentionPolicy':
      return on(logGroup());
    case 'logs:DescribeLogGroups':
      return on(arn('logs', 'log-group:*'));
    case 'secretsmanager:GetSecretValue':
      return [{ action: sent.action, resources: [sent.input.SecretId] }];
    default:
      return on('*');
  }
}
