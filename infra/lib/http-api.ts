import { Duration } from 'aws-cdk-lib';
import { HttpApi, HttpMethod, HttpNoneAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  HttpLambdaAuthorizer, HttpLambdaResponseType,
} from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';

/** Routes any caller may use: the PWA asks for them before it has a session. */
export const publicRoutes = ['/api/health', '/api/client-config', '/api/push/key'] as const;

/**
 * Routes the HTTP API to the API Lambda behind the Lambda authorizer. The authorizer's
 * answer is cached per Authorization header for a minute, so per-route role checks stay in
 * the API itself (a cached "allow" covers every route).
 */
export function routeApi(
  httpApi: HttpApi,
  handlers: { api: IFunction; authorizer: IFunction },
): void {
  const integration = new HttpLambdaIntegration('Api', handlers.api);
  const authorizer = new HttpLambdaAuthorizer('Token', handlers.authorizer, {
    responseTypes: [HttpLambdaResponseType.SIMPLE],
    identitySource: ['$request.header.Authorization'],
    resultsCacheTtl: Duration.minutes(1),
  });

  httpApi.addRoutes({
    path: '/api/{proxy+}', methods: [HttpMethod.ANY], integration, authorizer,
  });
  for (const path of publicRoutes) {
    httpApi.addRoutes({
      path, methods: [HttpMethod.GET], integration, authorizer: new HttpNoneAuthorizer(),
    });
  }
}
