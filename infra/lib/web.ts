import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AllowedMethods, CachePolicy, Distribution, Function as EdgeFunction, FunctionCode,
  FunctionEventType, FunctionRuntime, HeadersFrameOption, HeadersReferrerPolicy, HttpVersion,
  OriginProtocolPolicy, OriginRequestPolicy, PriceClass, ResponseHeadersPolicy,
  ViewerProtocolPolicy, type ResponseSecurityHeadersBehavior,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { spaRewriteSource } from './spa-rewrite.ts';

export interface WebHostingProps {
  /** The HTTP API's execute-api host name: `/api/*` goes there on the same origin. */
  apiDomain: string;
}

const security: ResponseSecurityHeadersBehavior = {
  strictTransportSecurity: {
    accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true,
  },
  contentTypeOptions: { override: true },
  frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
  referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.SAME_ORIGIN, override: true },
};

/**
 * The PWA on a private bucket behind CloudFront, with the API on the same origin. Caching
 * follows the local server: hashed /assets/ for a year, everything else (index.html, sw.js,
 * the manifest) revalidated on every load so an update reaches phones at once.
 */
export class WebHosting extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);

    this.bucket = new Bucket(this, 'Pwa', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const site = S3BucketOrigin.withOriginAccessControl(this.bucket);
    const api = new HttpOrigin(props.apiDomain, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
    });

    const header = (name: string, value: string) => new ResponseHeadersPolicy(this, name, {
      customHeadersBehavior: {
        customHeaders: [{ header: 'Cache-Control', value, override: true }],
      },
      securityHeadersBehavior: security,
    });
    // TTL 0 by default: the edge keeps a copy but asks S3 (If-None-Match) on every request.
    const revalidate = new CachePolicy(this, 'Revalidate', {
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.days(365),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const spaRewrite = new EdgeFunction(this, 'SpaRewrite', {
      code: FunctionCode.fromInline(spaRewriteSource),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Page loads of client-side routes get index.html',
    });

    this.distribution = new Distribution(this, 'Cdn', {
      comment: 'Turno PWA and API',
      defaultRootObject: 'index.html',
      priceClass: PriceClass.PRICE_CLASS_100,
      httpVersion: HttpVersion.HTTP2_AND_3,
      defaultBehavior: {
        origin: site,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: revalidate,
        responseHeadersPolicy: header('NoCache', 'no-cache'),
        functionAssociations: [
          { function: spaRewrite, eventType: FunctionEventType.VIEWER_REQUEST },
        ],
      },
      additionalBehaviors: {
        '/assets/*': {
          origin: site,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: header('Immutable', 'public, max-age=31536000, immutable'),
        },
        '/api/*': {
          origin: api,
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // API Gateway routes on its own Host name, so every header but Host goes through.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        },
      },
    });
  }
}
