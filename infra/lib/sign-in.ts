import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery, FeaturePlan, OAuthScope, UserPool, UserPoolClient, UserPoolDomain,
  UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

/** The roles Turno knows, from least to most trusted; each is a Cognito group. */
export const roleGroups = ['viewer', 'operator', 'admin'] as const;

/** Where Cognito sends the browser back: the PWA's routes (api/src/routes/client-config.ts). */
export const redirectPaths = { callback: '/entrar/callback', logout: '/entrar' } as const;

export interface SignInProps {
  /** https://<CloudFront domain>, with no trailing slash. */
  appUrl: string;
  domainPrefix: string;
}

/** Cognito for the PWA: invited users only, one group per role, a public client with PKCE. */
export class SignIn extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly domain: UserPoolDomain;

  constructor(scope: Construct, id: string, props: SignInProps) {
    super(scope, id);

    this.userPool = new UserPool(this, 'Users', {
      userPoolName: 'turno',
      featurePlan: FeaturePlan.LITE,
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      autoVerify: { email: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      passwordPolicy: { minLength: 12 },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    roleGroups.forEach((role, precedence) => new UserPoolGroup(this, `Group-${role}`, {
      userPool: this.userPool,
      groupName: role,
      precedence: roleGroups.length - precedence,
    }));

    // A public client (no secret), code flow; the PWA sends PKCE and Cognito checks it.
    this.client = this.userPool.addClient('Pwa', {
      userPoolClientName: 'turno-pwa',
      generateSecret: false,
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${props.appUrl}${redirectPaths.callback}`],
        logoutUrls: [`${props.appUrl}${redirectPaths.logout}`],
      },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });
    this.domain = this.userPool.addDomain('Hosted', {
      cognitoDomain: { domainPrefix: props.domainPrefix },
    });
  }
}
