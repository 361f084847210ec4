import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { Construct } from 'constructs';
import { syncErrorVariables } from '@turno/shared/api/sync-error-names';
import { apiCloudStatements, watcherCloudStatements } from './cloud-access.ts';
import type { TurnoConfig } from './config.ts';
import { TurnoFunctions } from './functions.ts';
import { routeApi } from './http-api.ts';
import { TurnoSecrets } from './secrets.ts';
import { SignIn } from './sign-in.ts';
import { Watchdog } from './watchdog.ts';
import { WatcherSchedule } from './watcher-schedule.ts';
import { WebHosting } from './web.ts';

/** The variables named in `names` for the fields `values` sets: the API's defaults stay. */
function setFields<F extends string>(
  names: Record<F, string>, values: Partial<Record<F, string>> = {},
): Record<string, string> {
  return Object.fromEntries((Object.keys(names) as F[]).flatMap((field) => {
    const value = values[field];
    return value === undefined ? [] : [[names[field], value]];
  }));
}

const cronPm2Variables = { user: 'CRON_PM2_USER', home: 'CRON_PM2_HOME', bin: 'CRON_PM2_BIN' };

export interface TurnoStackProps extends StackProps {
  config: TurnoConfig;
  /** Folder with one bundle per function: dist/lambda from `npm run bundle`. */
  codeDir: string;
}

/**
 * Turno on AWS: the PWA on CloudFront, the API and watcher Lambdas, Cognito, secrets, and the
 * watchdog alarms that speak when the watcher cannot.
 */
export class TurnoStack extends Stack {
  constructor(scope: Construct, id: string, props: TurnoStackProps) {
    const { config } = props;
    super(scope, id, { ...props, env: { account: config.account, region: config.region } });

    const secrets = new TurnoSecrets(this, 'Secrets', { databaseUser: config.database.user });
    const httpApi = new HttpApi(this, 'HttpApi', { apiName: 'turno', description: 'Turno API' });
    const web = new WebHosting(this, 'Web', {
      apiDomain: `${httpApi.apiId}.execute-api.${this.region}.${this.urlSuffix}`,
    });
    const appUrl = `https://${web.distribution.distributionDomainName}`;
    const signIn = new SignIn(this, 'SignIn', {
      appUrl, domainPrefix: config.cognitoDomainPrefix,
    });

    const cognito = {
      COGNITO_USER_POOL_ID: signIn.userPool.userPoolId,
      COGNITO_CLIENT_ID: signIn.client.userPoolClientId,
    };
    // The names api/src/config-env.ts reads; AWS_REGION is set by Lambda itself.
    const runtime = {
      ...cognito,
      COGNITO_DOMAIN: `${config.cognitoDomainPrefix}.auth.${this.region}.amazoncognito.com`,
      TURNO_CLOUD: 'aws',
      PUBLIC_URL: appUrl,
      VAPID_SUBJECT: config.vapidSubject,
      DATABASE_HOST: config.database.host,
      DATABASE_PORT: String(config.database.port),
      DATABASE_NAME: config.database.name,
      UP_DATABASE_HOST: config.database.replicaHost,
      DATABASE_SECRET_ARN: secrets.database.secretArn,
      VAPID_SECRET_ARN: secrets.vapid.secretArn,
      ULTRAMSG_SECRET_ARN: secrets.ultraMsg.secretArn,
      GMAIL_SECRET_ARN: secrets.gmail.secretArn,
      MANAGED_SCHEDULES: config.managedSchedules.join(','),
      RDS_INSTANCE_IDS: config.databaseInstances.join(','),
      CRON_INSTANCE_ID: config.cronInstanceId,
      EC2_APP_INSTANCE_ID: config.appInstanceId,
      BACKEND_LOG_GROUP: config.backendLogGroup,
      ...setFields(cronPm2Variables, config.cronPm2),
      ...setFields(syncErrorVariables, config.syncError),
      // The Lambda watcher polls every 10 s (watcherCadence): "watcher late" and "probe
      // overdue" are counted in these intervals, by the watcher and the API alike.
      WATCH_INTERVAL_S: '10',
      // Node 20+ Lambdas do not load Amazon's CA bundle, which verify-full to RDS needs.
      NODE_EXTRA_CA_CERTS: '/var/runtime/ca-cert.pem',
    };
    const functions = new TurnoFunctions(this, 'Functions', {
      config,
      codeDir: props.codeDir,
      environment: { api: runtime, authorizer: cognito, watcher: runtime },
    });

    routeApi(httpApi, functions);
    const schedule = new WatcherSchedule(this, 'WatcherSchedule', { watcher: functions.watcher });
    new Watchdog(this, 'Watchdog', {
      watcher: functions.watcher,
      watcherLogs: functions.watcher.logGroup,
      scheduleGroup: schedule.groupName,
      subscribers: config.watchdog,
    });
    for (const statement of apiCloudStatements(config)) functions.api.addToRolePolicy(statement);
    for (const statement of watcherCloudStatements(config)) {
      functions.watcher.addToRolePolicy(statement);
    }
    for (const secret of secrets.all()) {
      secret.grantRead(functions.api);
      secret.grantRead(functions.watcher);
    }

    const outputs: Record<string, string> = {
      AppUrl: appUrl,
      BucketName: web.bucket.bucketName,
      DistributionId: web.distribution.distributionId,
      UserPoolId: signIn.userPool.userPoolId,
      UserPoolClientId: signIn.client.userPoolClientId,
      SignInDomain: signIn.domain.baseUrl(),
      ApiEndpoint: httpApi.apiEndpoint,
    };
    for (const [name, value] of Object.entries(outputs)) new CfnOutput(this, name, { value });
  }
}
