import { fileURLToPath } from 'node:url';
import { CfnOutput, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  CachePolicy,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CacheQueryStringBehavior,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
  type ResponseSecurityHeadersBehavior,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Queue, QueueEncryption, type IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { SITE_SECURITY_HEADERS } from '../lambdas/site/files.js';
import { siteKeys } from '../lambdas/store/site-index.js';
import { alarmAbove } from './alarms.js';
import { leadingKeys, NewsroomFunction } from './newsroom-function.js';

/**
 * What the distribution sends on every response: the site's own security headers (the local
 * site sends the same), plus two that only make sense from the CDN: HSTS, as the site is HTTPS
 * only there (two years, subdomains too), and X-Frame-Options for browsers that predate CSP's
 * frame-ancestors.
 */
export const CDN_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  ...SITE_SECURITY_HEADERS,
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'X-Frame-Options': 'DENY',
};

/** The CloudFront Functions' code: plain JavaScript for the cloudfront-js-2.0 runtime, unit-tested in a Node vm. */
export const SITE_EDGE_FUNCTIONS = {
  viewerRequest: fileURLToPath(new URL('./site-edge/viewer-request.js', import.meta.url)),
  viewerResponse: fileURLToPath(new URL('./site-edge/viewer-response.js', import.meta.url)),
} as const;

/** The renderer's own items (`SITE#<articleId>`, `SITE#front-page`): the only items it writes. */
export const SITE_RECORD_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:PutItem'];
const SITE_PREFIX = siteKeys.record('').PK;

/** Where a verifier writes the verified copy of an upload (`verifiedMediaKey`): the only media the renderer may read. */
export const VERIFIED_MEDIA_OBJECTS = 'media/*/*/verified-*';

/**
 * The renderer's queue. A message that keeps failing holds back only its own article (its
 * message group) and is dead-lettered after MAX_RECEIVES receives, an hour at most; the repair
 * pass every REPAIR_EVERY re-renders whatever lags behind anyway.
 */
export const SITE_RENDERING = {
  rendererTimeout: Duration.seconds(60),
  /** Six times the function's timeout, as Lambda's documentation asks for SQS event sources. */
  visibilityTimeout: Duration.minutes(6),
  maxReceives: 10,
  batchSize: 10,
  maxConcurrency: 5,
  retention: Duration.days(4),
  deadLetterRetention: Duration.days(14),
  repairEvery: Duration.minutes(15),
  /** How long CloudFront keeps a 404 for a path that is not there (yet): a new page is invalidated as well. */
  missingTtl: Duration.seconds(10),
} as const;

export interface NewsroomSiteProps {
  table: ITable;
  mediaBucket: IBucket;
  /** Where the repair schedule's failed invocations go. */
  deadLetters: IQueue;
}

/**
 * The public site in AWS: a private bucket of rendered files behind a CloudFront distribution
 * (origin access control, HTTPS only, security headers, access logs), the renderer function that
 * writes it from its FIFO queue, and a repair pass every 15 minutes. No reader request ever runs
 * a Lambda or reads the table.
 */
export class NewsroomSite extends Construct {
  readonly bucket: Bucket;
  readonly logs: Bucket;
  readonly distribution: Distribution;
  readonly queue: Queue;
  readonly deadLetters: Queue;
  readonly renderer: NewsroomFunction;
  /** `https://<distribution domain>`, without a trailing slash. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: NewsroomSiteProps) {
    super(scope, id);
    const r = SITE_RENDERING;

    // CloudFront standard logging writes with ACLs (the awslogsdelivery account): ACLs stay enabled here.
    this.logs = new Bucket(this, 'Logs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ expiration: Duration.days(365) }],
    });
    Validations.of(this.logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the log bucket of the site and its distribution; logging its own access would log into itself.',
    });

    // Derived data: everything in it is rendered again from the table by the repair pass, so no
    // versioning. Retained on stack deletion all the same (emptying a bucket is an operator's decision).
    this.bucket = new Bucket(this, 'Files', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: false,
      removalPolicy: RemovalPolicy.RETAIN,
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 's3/',
    });

    const edge = (name: string, file: string, comment: string) =>
      new EdgeFunction(this, name, { code: FunctionCode.fromFile({ filePath: file }), runtime: FunctionRuntime.JS_2_0, comment });

    // Pages, JSON and feeds carry their own Cache-Control (a long s-maxage, browsers revalidate):
    // this policy honours it, and keys the cache on the path alone.
    const cachePolicy = new CachePolicy(this, 'Caching', {
      comment: 'Newsroom site: origin Cache-Control decides, no cookies, headers or query strings',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.days(1),
      maxTtl: Duration.days(365),
      cookieBehavior: CacheCookieBehavior.none(),
      headerBehavior: CacheHeaderBehavior.none(),
      queryStringBehavior: CacheQueryStringBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const headers = new ResponseHeadersPolicy(this, 'Headers', {
      comment: 'Newsroom site: no script, no framing, no sniffing, HTTPS for two years',
      securityHeadersBehavior: securityHeadersBehavior(CDN_SECURITY_HEADERS),
    });

    this.distribution = new Distribution(this, 'Cdn', {
      comment: 'Newsroom public site',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: this.logs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        // Origin access control: only this distribution may read the bucket (s3:GetObject, no ListBucket).
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        compress: true,
        cachePolicy,
        responseHeadersPolicy: headers,
        functionAssociations: [
          {
            eventType: FunctionEventType.VIEWER_REQUEST,
            function: edge('ViewerRequest', SITE_EDGE_FUNCTIONS.viewerRequest, 'Directory URLs to their index.html'),
          },
          {
            eventType: FunctionEventType.VIEWER_RESPONSE,
            function: edge('ViewerResponse', SITE_EDGE_FUNCTIONS.viewerResponse, 'Gone markers to 410; no x-amz-* headers'),
          },
        ],
      },
      // Without s3:ListBucket S3 answers 403 for a key that is not there. Viewer-response functions
      // do not run for answers of 400 and above (Developer Guide, "Restrictions on edge functions"),
      // so the distribution itself turns that 403 into a 404 with the site's small 404 page.
      errorResponses: [{ httpStatus: 403, responseHttpStatus: 404, responsePagePath: '/404.html', ttl: r.missingTtl }],
    });
    this.url = `https://${this.distribution.distributionDomainName}`;
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'The distribution answers on its default *.cloudfront.net name, whose certificate CloudFront serves with its own TLS policy; a custom domain with an ACM certificate would set TLSv1.2_2021.',
      },
      {
        id: 'AwsSolutions-CFR1',
        reason: 'A public news site, read from anywhere: no geographic restriction.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason: 'Readers get static files from the cache only (GET and HEAD, no query strings or cookies): nothing for a WAF to protect.',
      },
    );

    this.deadLetters = new Queue(this, 'DeadLetters', {
      fifo: true,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: r.deadLetterRetention,
    });
    this.queue = new Queue(this, 'Queue', {
      fifo: true,
      // The dispatcher names each message by its event id (front-page requests by their time).
      contentBasedDeduplication: false,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: r.retention,
      visibilityTimeout: r.visibilityTimeout,
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: r.maxReceives },
    });
    Validations.of(this.deadLetters).acknowledge({
      id: 'Serverless-SQSRedrivePolicy',
      reason: 'The last stop for site renders: an alarm fires on any message, and the repair pass renders what they missed.',
    });

    this.renderer = new NewsroomFunction(this, 'Renderer', {
      entry: 'lambdas/workers/site-renderer.ts',
      description: 'Renders the public site (article pages and JSON, front page, feeds) into the site bucket',
      timeout: r.rendererTimeout,
      memorySize: 512,
      environment: {
        SITE_BUCKET: this.bucket.bucketName,
        SITE_DISTRIBUTION_ID: this.distribution.distributionId,
        SITE_URL: this.url,
        SITE_QUEUE_URL: this.queue.queueUrl,
        MEDIA_BUCKET: props.mediaBucket.bucketName,
      },
      // Only the repair schedule invokes it asynchronously.
      deadLetterQueue: props.deadLetters,
    })
      .bindTable(props.table, 'site')
      // The author box shows each author's profile as it is when the page is rendered.
      .bindProfiles(props.table, 'read');
    this.renderer.addToRolePolicy(
      new PolicyStatement({ actions: SITE_RECORD_ACTIONS, resources: [props.table.tableArn], conditions: leadingKeys(SITE_PREFIX) }),
    );

    // Writes only the site's files; never reads them back, never lists, never touches ACLs.
    this.renderer.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:PutObject', 's3:DeleteObject'], resources: [this.bucket.arnForObjects('*')] }),
    );
    Validations.of(this.renderer.role!).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(this.bucket.node.defaultChild as never)}.Arn>/*]`,
      reason: 'The renderer writes and deletes any file of the site bucket (pages, JSON, feeds, images), and nothing else.',
    });
    // Reads only verified copies of uploads, to copy ready images into the site.
    this.renderer.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:GetObject'], resources: [props.mediaBucket.arnForObjects(VERIFIED_MEDIA_OBJECTS)] }),
    );
    const mediaArn = Stack.of(this).resolve(props.mediaBucket.bucketArn) as { Ref?: string } | string;
    Validations.of(this.renderer.role!).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${typeof mediaArn === 'string' ? mediaArn : `<${mediaArn.Ref}>`}/${VERIFIED_MEDIA_OBJECTS}]`,
      reason: 'Verified copies are media/<articleId>/<mediaId>/verified-<attempt>: the renderer reads those, never an unverified upload.',
    });
    // Invalidations on this distribution only.
    this.distribution.grantCreateInvalidation(this.renderer);

    // The queue: read in order by the renderer, which also asks it for front-page renders.
    this.renderer.addToRolePolicy(
      new PolicyStatement({
        actions: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:SendMessage'],
        resources: [this.queue.queueArn],
      }),
    );
    const fromQueue = this.renderer.addEventSourceMapping('FromQueue', {
      eventSourceArn: this.queue.queueArn,
      batchSize: r.batchSize,
      reportBatchItemFailures: true,
      maxConcurrency: r.maxConcurrency,
    });
    Validations.of(fromQueue).acknowledge({
      id: 'Serverless-LambdaEventSourceMappingDestination',
      reason: 'SQS event sources take no on-failure destination; the queue’s redrive policy is the dead-letter path.',
    });

    new Rule(this, 'RepairSchedule', {
      description: 'Every 15 minutes: re-render whatever a crash mid-render left behind',
      schedule: Schedule.rate(r.repairEvery),
      targets: [new LambdaFunction(this.renderer, { retryAttempts: 0, deadLetterQueue: props.deadLetters })],
    });

    alarmAbove(this, 'DeadLettersWaiting', {
      description: 'Site renders failed every retry and wait in the site dead-letter queue',
      metric: this.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) }),
      threshold: 0,
    });
    alarmAbove(this, 'RendersLate', {
      description: 'A site render has waited more than 5 minutes: readers see stale or missing pages',
      metric: this.queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: 5 * 60,
    });
    alarmAbove(this, 'RendererErrors', {
      description: 'The site renderer is failing',
      metric: this.renderer.metricErrors({ period: Duration.minutes(5) }),
      threshold: 0,
    });

    new CfnOutput(Stack.of(this), 'SiteUrl', { value: this.url, description: 'The public site' });
    new CfnOutput(Stack.of(this), 'SiteBucketName', { value: this.bucket.bucketName });
    new CfnOutput(Stack.of(this), 'SiteDistributionId', { value: this.distribution.distributionId });
  }

  /** The dispatcher feeds the queue: it may send to it, nothing else. */
  grantSend(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.queue.queueArn] }));
  }
}

/**
 * The response headers policy's security headers from the record the local site server sends
 * too, so both answer alike. A header CloudFront has no security setting for is refused here
 * rather than silently dropped.
 */
export function securityHeadersBehavior(values: Record<string, string>): ResponseSecurityHeadersBehavior {
  const behavior: { -readonly [K in keyof ResponseSecurityHeadersBehavior]: ResponseSecurityHeadersBehavior[K] } = {};
  for (const [name, value] of Object.entries(values)) {
    switch (name.toLowerCase()) {
      case 'content-security-policy':
        behavior.contentSecurityPolicy = { contentSecurityPolicy: value, override: true };
        break;
      case 'x-content-type-options':
        if (value !== 'nosniff') throw new Error(`X-Content-Type-Options can only be nosniff, not ${value}`);
        behavior.contentTypeOptions = { override: true };
        break;
      case 'referrer-policy': {
        const policy = Object.values(HeadersReferrerPolicy).find((p) => p === value);
        if (!policy) throw new Error(`Referrer-Policy ${value} is not one CloudFront can send`);
        behavior.referrerPolicy = { referrerPolicy: policy, override: true };
        break;
      }
      case 'strict-transport-security': {
        const m = /^max-age=(\d+)((?:; *includeSubDomains)?)((?:; *preload)?)$/i.exec(value);
        if (!m) throw new Error(`Strict-Transport-Security ${value} is not max-age=<seconds>[; includeSubDomains][; preload]`);
        behavior.strictTransportSecurity = {
          accessControlMaxAge: Duration.seconds(Number(m[1])),
          includeSubdomains: m[2] !== '',
          preload: m[3] !== '',
          override: true,
        };
        break;
      }
      case 'x-frame-options': {
        const option = Object.values(HeadersFrameOption).find((o) => o === value.toUpperCase());
        if (!option) throw new Error(`X-Frame-Options ${value} is not DENY or SAMEORIGIN`);
        behavior.frameOptions = { frameOption: option, override: true };
        break;
      }
      default:
        throw new Error(`${name} is not a security header the site's response headers policy can send`);
    }
  }
  return behavior;
}
