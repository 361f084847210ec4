import { describe, expect, it } from 'vitest';
import { createWatcherHandler } from '../../api/src/lambda/watcher.ts';
import { createLogger } from '../../api/src/log.ts';
import type { AppDeps } from '../../api/src/types.ts';
import { accountConfig, synthTemplate } from './test-stack.ts';

const template = synthTemplate({
  ...accountConfig(),
  watchdog: { emails: ['guardia@flotas.mx', 'ana@flotas.mx'], sms: ['+525512345678'] },
});
const idOf = (type: string, props: object) => {
  const ids = Object.keys(template.findResources(type, { Properties: props }));
  expect(ids).toHaveLength(1);
  return ids[0] as string;
};
const topic = idOf('AWS::SNS::Topic', { TopicName: 'turno-watchdog' });
const watcher = idOf('AWS::Lambda::Function', { FunctionName: 'turno-watcher' });
const alarmNamed = (name: string) => Object.values(template.findResources(
  'AWS::CloudWatch::Alarm', { Properties: { AlarmName: name } }))[0]?.Properties;
const fiveMinutes = { Period: 300, Statistic: 'Sum' };

describe('the watchdog', () => {
  it('lets only the watchdog alarms publish to its topic, and only over TLS', () => {
    const policies = Object.values(template.findResources('AWS::SNS::TopicPolicy'));

    expect(policies).toHaveLength(1);
    expect(policies[0]?.Properties).toEqual({
      Topics: [{ Ref: topic }],
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [{
          Sid: 'AllowPublishThroughSSLOnly', Effect: 'Deny', Principal: '*',
          Action: 'sns:Publish', Resource: { Ref: topic },
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }, {
          Sid: 'WatchdogAlarmsPublish', Effect: 'Allow',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: 'sns:Publish', Resource: { Ref: topic },
          Condition: { ArnLike: { 'aws:SourceArn': { 'Fn::Join': ['', ['arn:',
            { Ref: 'AWS::Partition' },
            ':cloudwatch:us-east-1:444455556666:alarm:turno-watchdog-*']] } } },
        }],
      },
    });
  });

  it('subscribes each configured email address and SMS number to the topic', () => {
    const subscriptions = Object.values(template.findResources('AWS::SNS::Subscription'))
      .map((resource) => resource.Properties);

    expect(subscriptions).toEqual([
      { Protocol: 'email', Endpoint: 'guardia@flotas.mx', TopicArn: { Ref: topic } },
      { Protocol: 'email', Endpoint: 'ana@flotas.mx', TopicArn: { Ref: topic } },
      { Protocol: 'sms', Endpoint: '+525512345678', TopicArn: { Ref: topic } },
    ]);
  });

  it('keeps the topic and its alarms when the config names no subscriber', () => {
    const bare = synthTemplate({ ...accountConfig(), watchdog: undefined });

    bare.resourceCountIs('AWS::SNS::Subscription', 0);
    bare.resourceCountIs('AWS::SNS::Topic', 1);
    bare.resourceCountIs('AWS::CloudWatch::Alarm', 5);
  });

  it('alarms when the watcher was not invoked in 5 minutes, no data counting as none', () => {
    expect(alarmNamed('turno-watchdog-watcher-not-running')).toMatchObject({
      Namespace: 'AWS/Lambda', MetricName: 'Invocations', ...fiveMinutes,
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: watcher } }],
      ComparisonOperator: 'LessThanThreshold', Threshold: 1, EvaluationPeriods: 1,
      TreatMissingData: 'breaching',
    });
  });

  it('alarms when the watcher ends in error in 3 consecutive 5-minute periods', () => {
    const alarm = alarmNamed('turno-watchdog-watcher-errors');

    expect(alarm).toMatchObject({
      Namespace: 'AWS/Lambda', MetricName: 'Errors', ...fiveMinutes,
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: watcher } }],
      ComparisonOperator: 'GreaterThanOrEqualToThreshold', Threshold: 1, EvaluationPeriods: 3,
      TreatMissingData: 'notBreaching',
    });
    // Unset, DatapointsToAlarm equals EvaluationPeriods: all three periods in a row.
    expect(alarm).not.toHaveProperty('DatapointsToAlarm');
  });

  it.each([
    ['turno-watchdog-schedule-target-errors', 'TargetErrorCount'],
    ['turno-watchdog-schedule-dropped', 'InvocationDroppedCount'],
  ])('%s alarms on the first %s of the watcher schedule\'s own group', (name, metric) => {
    const schedule = Object.values(template.findResources('AWS::Scheduler::Schedule'))[0];
    const group = schedule?.Properties.GroupName as string;

    expect(group).toBe('turno');
    expect(alarmNamed(name)).toMatchObject({
      Namespace: 'AWS/Scheduler', MetricName: metric, ...fiveMinutes,
      Dimensions: [{ Name: 'ScheduleGroup', Value: group }],
      ComparisonOperator: 'GreaterThanThreshold', Threshold: 0, EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
    });
  });

  it('counts the watcher\'s watcher.run_failed lines and alarms on six in two periods', () => {
    const logs = idOf('AWS::Logs::LogGroup', { LogGroupName: '/aws/lambda/turno-watcher' });
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      LogGroupName: { Ref: logs },
      FilterPattern: '{ $.event = "watcher.run_failed" }',
      MetricTransformations: [{
        MetricNamespace: 'Turno', MetricName: 'WatcherRunFailed', MetricValue: '1',
      }],
    });

    expect(alarmNamed('turno-watchdog-watcher-runs-failing')).toMatchObject({
      Namespace: 'Turno', MetricName: 'WatcherRunFailed', ...fiveMinutes,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold', Threshold: 6, EvaluationPeriods: 2,
      TreatMissingData: 'notBreaching',
    });
  });

  it('matches the line the watcher Lambda really writes when a run fails', async () => {
    const lines: string[] = [];
    const log = createLogger({ sink: (line) => lines.push(line) });
    let now = 0;
    const handler = createWatcherHandler({
      deps: async () => ({ log }) as unknown as AppDeps,
      clock: { now: () => now, sleep: async (ms) => { now += ms; } },
      syncPass: async () => { throw new Error('database did not answer'); },
      probePass: async () => { throw new Error('database did not answer'); },
    });
    const result = await handler({}, { getRemainingTimeInMillis: () => 90_000 - now });
    const filter = Object.values(template.findResources('AWS::Logs::MetricFilter'))[0];
    const [, field, value] = /^\{ \$\.(\w+) = "([^"]+)" \}$/
      .exec(filter?.Properties.FilterPattern as string) ?? [];

    expect(field).toBeDefined();
    // Both the Sync_error and the probe passes of a minute fail while the database is down.
    expect(result).toMatchObject({ failed: 6, probesFailed: 6 });
    expect(lines).toHaveLength(12);
    for (const line of lines) expect(JSON.parse(line)[field as string]).toBe(value);
  });

  it('sends every alarm to the topic when it fires and when it clears', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));

    expect(alarms).toHaveLength(5);
    for (const alarm of alarms) {
      expect(alarm.Properties).toMatchObject({
        AlarmActions: [{ Ref: topic }], OKActions: [{ Ref: topic }],
        AlarmName: expect.stringMatching(/^turno-watchdog-/),
      });
    }
  });

  it('names the card to follow, within CloudWatch\'s 1,024 characters', () => {
    const descriptions = Object.values(template.findResources('AWS::CloudWatch::Alarm'))
      .map((alarm) => alarm.Properties.AlarmDescription as string);

    for (const description of descriptions) {
      expect(description.length).toBeLessThanOrEqual(1024);
      expect(description).toMatch(/guía T\.10/);
      expect(description).toMatch(/turno-watcher/);
    }
  });
});
