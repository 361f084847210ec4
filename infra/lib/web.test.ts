import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { synthTemplate } from './test-stack.ts';

const template = synthTemplate();
type Behavior = Record<string, unknown>;
const distribution = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]
  ?.Properties.DistributionConfig as {
    DefaultCacheBehavior: Behavior;
    CacheBehaviors: Behavior[];
    Origins: { Id: string; DomainName: unknown }[];
    CustomErrorResponses?: unknown;
  };
const behavior = (pattern: string) =>
  distribution.CacheBehaviors.find((b) => b.PathPattern === pattern);
const cacheControl = (policyRef: unknown): string | undefined => {
  const id = (policyRef as { Ref: string }).Ref;
  const policy = template.findResources('AWS::CloudFront::ResponseHeadersPolicy')[id];
  const config = policy?.Properties.ResponseHeadersPolicyConfig as {
    CustomHeadersConfig: { Items: { Header: string; Value: string }[] };
  };
  return config.CustomHeadersConfig.Items.find((h) => h.Header === 'Cache-Control')?.Value;
};
// CloudFront's managed policy ids (CachingDisabled, AllViewerExceptHostHeader).
const cachingDisabled = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const allViewerExceptHost = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

describe('the PWA distribution', () => {
  it('sends /api/* uncached to the HTTP API with every method and header but Host', () => {
    const api = behavior('/api/*');
    const apiId = Object.keys(template.findResources('AWS::ApiGatewayV2::Api'))[0];
    const origin = distribution.Origins.find((o) => o.Id === api?.TargetOriginId);

    expect(api).toMatchObject({
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      CachePolicyId: cachingDisabled,
      OriginRequestPolicyId: allViewerExceptHost,
      ViewerProtocolPolicy: 'https-only',
    });
    expect(JSON.stringify(origin?.DomainName)).toContain(`{"Ref":"${apiId}"},".execute-api.`);
  });

  it('serves index.html, sw.js and page loads with Cache-Control: no-cache', () => {
    expect(cacheControl(distribution.DefaultCacheBehavior.ResponseHeadersPolicyId))
      .toBe('no-cache');
    expect(behavior('/index.html')).toBeUndefined();
    expect(behavior('/sw.js')).toBeUndefined();
  });

  it('caches hashed /assets/ for a year', () => {
    expect(cacheControl(behavior('/assets/*')?.ResponseHeadersPolicyId))
      .toBe('public, max-age=31536000, immutable');
  });

  it('falls back to index.html through a function on the default behaviour only', () => {
    const spa = Object.keys(template.findResources('AWS::CloudFront::Function'))[0];

    expect(distribution.DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [spa, 'FunctionARN'] } },
    ]);
    expect(behavior('/api/*')).not.toHaveProperty('FunctionAssociations');
    // Error responses would apply to the API's 403 and 404 as well.
    expect(distribution.CustomErrorResponses).toBeUndefined();
  });

  it('reads the bucket through an origin access control, never a public URL', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Origins: Match.arrayWith([Match.objectLike({
          OriginAccessControlId: Match.anyValue(),
          S3OriginConfig: { OriginAccessIdentity: '' },
        })]),
      }),
    });
  });
});
