import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { FilterPattern, MetricFilter, type ILogGroup } from 'aws-cdk-lib/aws-logs';
import { Subscription, SubscriptionProtocol, Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { TurnoConfig } from './config.ts';
import { watchdogAlarmPrefix, watchdogAlarms } from './watchdog-alarms.ts';

export interface WatchdogProps {
  watcher: IFunction;
  watcherLogs: ILogGroup;
  scheduleGroup: string;
  subscribers: TurnoConfig['watchdog'];
}

/** The event api/src/lambda/watcher.ts logs when one of its runs fails. */
export const runFailedEvent = 'watcher.run_failed';

/**
 * The dead-man path: CloudWatch alarms on the watcher and its schedule, published to the
 * `turno-watchdog` SNS topic, so a watcher that stops is heard outside Turno's own push.
 */
export class Watchdog extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: WatchdogProps) {
    super(scope, id);

    // No KMS key: CloudWatch cannot publish to a topic under the AWS managed SNS key.
    this.topic = new Topic(this, 'Topic', {
      topicName: 'turno-watchdog', displayName: 'Turno', enforceSSL: true,
    });
    // A topic policy of our own replaces SNS's default, so alarms need this grant (AWS
    // knowledge center: cloudwatch-receive-sns-for-alarm-trigger).
    this.topic.addToResourcePolicy(new PolicyStatement({
      sid: 'WatchdogAlarmsPublish',
      principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['sns:Publish'],
      resources: [this.topic.topicArn],
      conditions: { ArnLike: { 'aws:SourceArn': Stack.of(this).formatArn({
        service: 'cloudwatch', resource: 'alarm', resourceName: `${watchdogAlarmPrefix}*`,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      }) } },
    }));
    const subscribe = (protocol: SubscriptionProtocol, endpoints: string[] = []) => {
      for (const endpoint of endpoints) {
        new Subscription(this, `${protocol}-${endpoint}`, {
          topic: this.topic, protocol, endpoint,
        });
      }
    };
    subscribe(SubscriptionProtocol.EMAIL, props.subscribers?.emails);
    subscribe(SubscriptionProtocol.SMS, props.subscribers?.sms);

    const runFailed = new MetricFilter(this, 'RunFailed', {
      logGroup: props.watcherLogs,
      filterPattern: FilterPattern.stringValue('$.event', '=', runFailedEvent),
      metricNamespace: 'Turno',
      metricName: 'WatcherRunFailed',
      metricValue: '1',
    });

    const action = new SnsAction(this.topic);
    const alarms = watchdogAlarms({
      watcher: props.watcher,
      scheduleGroup: props.scheduleGroup,
      runFailed: runFailed.metric({ statistic: 'Sum', period: Duration.minutes(5) }),
    });
    for (const { name, description, ...spec } of alarms) {
      const alarm = new Alarm(this, name, {
        alarmName: name, alarmDescription: description, ...spec,
      });
      // OK as well: the team hears when the watcher is back, not only when it stopped.
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
    }
  }
}
