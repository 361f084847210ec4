import { Stack } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { CfnSchedule, CfnScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { Construct } from 'constructs';

/** Scheduler's metrics are per group only: a group of its own keeps UP's schedules out. */
export const watcherScheduleGroup = 'turno';

/**
 * Starts the watcher every minute through EventBridge Scheduler, with a role that may invoke
 * the watcher and nothing else. A missed run is not retried: the next one is a minute away.
 */
export class WatcherSchedule extends Construct {
  readonly schedule: CfnSchedule;
  readonly groupName = watcherScheduleGroup;

  constructor(scope: Construct, id: string, props: { watcher: IFunction }) {
    super(scope, id);

    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
      description: 'EventBridge Scheduler starts the Turno watcher',
    });
    role.addToPolicy(new PolicyStatement({
      actions: ['lambda:InvokeFunction'],
      resources: [props.watcher.functionArn],
    }));

    const group = new CfnScheduleGroup(this, 'Group', { name: watcherScheduleGroup });
    this.schedule = new CfnSchedule(this, 'EveryMinute', {
      name: 'turno-watcher',
      groupName: watcherScheduleGroup,
      description: 'Turno: reads new Sync_error rows and pushes alerts',
      scheduleExpression: 'rate(1 minute)',
      flexibleTimeWindow: { mode: 'OFF' },
      state: 'ENABLED',
      target: {
        arn: props.watcher.functionArn,
        roleArn: role.roleArn,
        retryPolicy: { maximumRetryAttempts: 0, maximumEventAgeInSeconds: 60 },
      },
    });
    this.schedule.node.addDependency(group);
  }
}
