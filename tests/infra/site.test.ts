import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { SITE_SECURITY_HEADERS } from '../../lambdas/site/files.js';
import { SITE_EVENT_TYPES } from '../../lambdas/usecases/site-ports.js';
import { buildNewsroom } from '../../lib/newsroom-app.js';
import { CDN_SECURITY_HEADERS, SITE_RENDERING, securityHeadersBehavior } from '../../lib/site.js';
import { CONFIG } from '../support/cdk-config.js';

let app: Template;
let resources: Record<string, any>;

beforeAll(() => {
  const cdkApp = new App({ outdir: mkdtempSync(join(tmpdir(), 'cdk-')), context: { 'aws:cdk:bundling-stacks': [] } });
  const stacks = buildNewsroom(cdkApp, CONFIG);
  // cdk-nag: synth fails on any unacknowledged error from either pack.
  Validations.of(cdkApp).addPlugins(new AwsSolutionsChecks(cdkApp), new ServerlessChecks(cdkApp));
  cdkApp.synth();
  app = Template.fromStack(stacks.stateless);
  resources = app.toJSON().Resources;
});

const only = (type: string, prefix = ''): [string, any] => {
  const found = Object.entries(app.findResources(type)).filter(([id]) => id.startsWith(prefix));
  expect(found).toHaveLength(1);
  return found[0]!;
};
const distribution = () => only('AWS::CloudFront::Distribution')[1].Properties.DistributionConfig;
const siteBucketId = () => only('AWS::S3::Bucket', 'SiteFiles')[0];
const queueId = () => only('AWS::SQS::Queue', 'SiteQueue')[0];
const rendererId = () => only('AWS::Lambda::Function', 'SiteRenderer')[0];

/** Every statement of the policies attached to the role whose logical id starts with `prefix`. */
function statementsOf(prefix: string): { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown }[] {
  return Object.values(app.findResources('AWS::IAM::Policy'))
    .filter((p) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref.startsWith(prefix)))
    .flatMap((p) => p.Properties.PolicyDocument.Statement);
}
const actions = (s: { Action: string | string[] }) => [s.Action].flat();

describe('the public site in AWS: a private bucket behind CloudFront', () => {
  it('keeps the site bucket private: all public access blocked, TLS only, S3-managed encryption, retained, logged', () => {
    const [, bucket] = only('AWS::S3::Bucket', 'SiteFiles');
    expect(bucket.DeletionPolicy).toBe('Retain');
    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      LoggingConfiguration: { DestinationBucketName: { Ref: only('AWS::S3::Bucket', 'SiteLogs')[0] } },
    });
    expect(bucket.Properties.VersioningConfiguration).toBeUndefined();
  });

  it('lets only this distribution read it, through origin access control: no public grant, no listing, no OAI', () => {
    const [oacId, oac] = only('AWS::CloudFront::OriginAccessControl');
    expect(oac.Properties.OriginAccessControlConfig).toMatchObject({
      OriginAccessControlOriginType: 's3',
      SigningBehavior: 'always',
      SigningProtocol: 'sigv4',
    });
    const [origin] = distribution().Origins;
    expect(origin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [oacId, 'Id'] });
    expect(origin.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    expect(app.findResources('AWS::CloudFront::CloudFrontOriginAccessIdentity')).toEqual({});

    const [, policy] = Object.entries(app.findResources('AWS::S3::BucketPolicy')).find(
      ([, p]) => p.Properties.Bucket.Ref === siteBucketId(),
    )!;
    const allows = policy.Properties.PolicyDocument.Statement.filter((s: any) => s.Effect === 'Allow');
    expect(allows).toEqual([
      expect.objectContaining({
        Action: 's3:GetObject',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Condition: { StringEquals: { 'AWS:SourceArn': expect.anything() } },
      }),
    ]);
    // Everything else in the policy only denies (TLS only).
    expect(JSON.stringify(policy.Properties.PolicyDocument)).not.toMatch(/"Principal":\s*"\*"[^}]*"Effect":\s*"Allow"|s3:ListBucket/);
  });

  it('serves over HTTPS only (HTTP redirects), on HTTP/2 and 3, index.html at the root, GET and HEAD only', () => {
    const config = distribution();
    expect(config).toMatchObject({ Enabled: true, DefaultRootObject: 'index.html', HttpVersion: 'http2and3' });
    expect(config.DefaultCacheBehavior).toMatchObject({ ViewerProtocolPolicy: 'redirect-to-https', Compress: true });
    expect(config.DefaultCacheBehavior.AllowedMethods ?? ['GET', 'HEAD']).toEqual(['GET', 'HEAD']);
  });

  it('sends the site’s security headers from a response headers policy, the same values the local site sends', () => {
    const [policyId, policy] = only('AWS::CloudFront::ResponseHeadersPolicy');
    expect(distribution().DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    const sent = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    // Read back as the headers CloudFront will send.
    const hsts = sent.StrictTransportSecurity;
    expect({
      'Content-Security-Policy': sent.ContentSecurityPolicy.ContentSecurityPolicy,
      'X-Content-Type-Options': sent.ContentTypeOptions ? 'nosniff' : undefined,
      'Referrer-Policy': sent.ReferrerPolicy.ReferrerPolicy,
      'Strict-Transport-Security': `max-age=${hsts.AccessControlMaxAgeSec}${hsts.IncludeSubdomains ? '; includeSubDomains' : ''}${hsts.Preload ? '; preload' : ''}`,
      'X-Frame-Options': sent.FrameOptions.FrameOption,
    }).toEqual(CDN_SECURITY_HEADERS);
    expect(CDN_SECURITY_HEADERS).toMatchObject(SITE_SECURITY_HEADERS);
    for (const header of Object.values(sent)) expect(header).toMatchObject({ Override: true });

    // What the issue asks of them: no script at all, two years of HTTPS with subdomains, no framing.
    expect(sent.ContentSecurityPolicy.ContentSecurityPolicy).toMatch(/default-src 'none'/);
    expect(sent.ContentSecurityPolicy.ContentSecurityPolicy).not.toMatch(/script-src/);
    expect(hsts).toMatchObject({ AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true });
    expect(sent.FrameOptions.FrameOption).toBe('DENY');
  });

  it('refuses a security header it could not send, rather than dropping it', () => {
    expect(() => securityHeadersBehavior({ 'Permissions-Policy': 'camera=()' })).toThrow(/not a security header/);
    expect(() => securityHeadersBehavior({ 'Referrer-Policy': 'sometimes' })).toThrow(/Referrer-Policy/);
    expect(() => securityHeadersBehavior({ 'Strict-Transport-Security': 'max-age=forever' })).toThrow(/Strict-Transport-Security/);
  });

  it('caches as the files say: origin Cache-Control within 0 s – 1 year (1 day when silent), keyed on the path alone', () => {
    const [policyId, policy] = only('AWS::CloudFront::CachePolicy');
    expect(distribution().DefaultCacheBehavior.CachePolicyId).toEqual({ Ref: policyId });
    const config = policy.Properties.CachePolicyConfig;
    expect(config).toMatchObject({ MinTTL: 0, DefaultTTL: 86400, MaxTTL: 365 * 86400 });
    expect(config.ParametersInCacheKeyAndForwardedToOrigin).toMatchObject({
      CookiesConfig: { CookieBehavior: 'none' },
      HeadersConfig: { HeaderBehavior: 'none' },
      QueryStringsConfig: { QueryStringBehavior: 'none' },
    });
  });

  it('runs both CloudFront Functions on the default behaviour, on the cloudfront-js-2.0 runtime', () => {
    const associations = distribution().DefaultCacheBehavior.FunctionAssociations;
    expect(associations.map((a: any) => a.EventType).sort()).toEqual(['viewer-request', 'viewer-response']);
    const functions = app.findResources('AWS::CloudFront::Function');
    expect(Object.keys(functions)).toHaveLength(2);
    for (const a of associations) {
      const id: string = a.FunctionARN['Fn::GetAtt'][0];
      expect(functions[id]!.Properties).toMatchObject({ AutoPublish: true, FunctionConfig: { Runtime: 'cloudfront-js-2.0' } });
      expect(functions[id]!.Properties.FunctionCode).toMatch(/function handler\(event\)/);
    }
  });

  it('answers a missing page 404, not the 403 S3 gives without list permission', () => {
    expect(distribution().CustomErrorResponses).toEqual([
      { ErrorCode: 403, ResponseCode: 404, ResponsePagePath: '/404.html', ErrorCachingMinTTL: SITE_RENDERING.missingTtl.toSeconds() },
    ]);
  });

  it('logs every request to a log bucket with ACLs enabled, as CloudFront standard logging needs', () => {
    const [logsId, logs] = only('AWS::S3::Bucket', 'SiteLogs');
    expect(distribution().Logging).toEqual({ Bucket: { 'Fn::GetAtt': [logsId, 'RegionalDomainName'] }, Prefix: 'cloudfront/' });
    expect(logs.Properties.OwnershipControls.Rules).toEqual([{ ObjectOwnership: 'ObjectWriter' }]);
    expect(logs.Properties.PublicAccessBlockConfiguration).toMatchObject({ BlockPublicAcls: true, RestrictPublicBuckets: true });
    expect(logs.Properties.LifecycleConfiguration.Rules).toEqual([expect.objectContaining({ ExpirationInDays: 365, Status: 'Enabled' })]);
  });

  it('names the site in the outputs: SiteUrl is https://<distribution domain>', () => {
    const [cdnId] = only('AWS::CloudFront::Distribution');
    expect(app.toJSON().Outputs.SiteUrl.Value).toEqual({ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [cdnId, 'DomainName'] }]] });
  });
});

describe('the site renderer', () => {
  it('reads a FIFO queue without content-based deduplication, redriving to a FIFO dead-letter queue', () => {
    const queue = resources[queueId()].Properties;
    const [deadId, dead] = only('AWS::SQS::Queue', 'SiteDeadLetters');
    expect(queue).toMatchObject({
      FifoQueue: true,
      ContentBasedDeduplication: false,
      SqsManagedSseEnabled: true,
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [deadId, 'Arn'] }, maxReceiveCount: SITE_RENDERING.maxReceives },
    });
    expect(dead.Properties).toMatchObject({ FifoQueue: true, SqsManagedSseEnabled: true });
    // Lambda asks for a visibility timeout of at least six times the function's timeout.
    expect(queue.VisibilityTimeout).toBeGreaterThanOrEqual(6 * resources[rendererId()].Properties.Timeout);
  });

  it('takes batches of ten from it and reports which messages failed', () => {
    app.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [queueId(), 'Arn'] },
      FunctionName: { Ref: rendererId() },
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: Match.anyValue() },
    });
  });

  it('is told where everything is', () => {
    const env = resources[rendererId()].Properties.Environment.Variables;
    const [cdnId] = only('AWS::CloudFront::Distribution');
    expect(env).toMatchObject({
      TABLE_NAME: expect.anything(),
      MEDIA_BUCKET: expect.anything(),
      SITE_BUCKET: { Ref: siteBucketId() },
      SITE_DISTRIBUTION_ID: { Ref: cdnId },
      SITE_URL: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [cdnId, 'DomainName'] }]] },
      SITE_QUEUE_URL: { Ref: queueId() },
    });
  });

  it('runs a repair pass every 15 minutes, dead-lettering a failed invocation', () => {
    const rule = Object.values(app.findResources('AWS::Events::Rule')).find((r) =>
      (r.Properties.Targets ?? []).some((t: any) => t.Arn?.['Fn::GetAtt']?.[0] === rendererId()),
    )!;
    expect(rule.Properties.ScheduleExpression).toBe('rate(15 minutes)');
    expect(rule.Properties.Targets[0]).toMatchObject({
      RetryPolicy: { MaximumRetryAttempts: 0 },
      DeadLetterConfig: { Arn: expect.anything() },
    });
    expect(resources[rendererId()].Properties.DeadLetterConfig).toEqual({ TargetArn: expect.anything() });
  });

  it('holds least privilege: writes only the site bucket, reads only verified media, invalidates only its distribution, no article writes', () => {
    const statements = statementsOf('SiteRendererRole');
    const [cdnId] = only('AWS::CloudFront::Distribution');
    const on = (action: string) => statements.filter((s) => actions(s).includes(action));
    const s3 = statements.filter((s) => actions(s).some((a) => a.startsWith('s3:')));
    expect(s3.map((s) => [actions(s), s.Resource])).toEqual([
      [['s3:PutObject', 's3:DeleteObject'], { 'Fn::Join': ['', [{ 'Fn::GetAtt': [siteBucketId(), 'Arn'] }, '/*']] }],
      [['s3:GetObject'], { 'Fn::Join': ['', [expect.anything(), '/media/*/*/verified-*']] }],
    ]);
    expect(on('cloudfront:CreateInvalidation').map((s) => [actions(s), s.Resource])).toEqual([
      [
        ['cloudfront:CreateInvalidation'],
        {
          'Fn::Join': [
            '',
            ['arn:', { Ref: 'AWS::Partition' }, ':cloudfront::', { Ref: 'AWS::AccountId' }, ':distribution/', { Ref: cdnId }],
          ],
        },
      ],
    ]);
    expect(statements.flatMap(actions).filter((a) => a.startsWith('cloudfront:'))).toEqual(['cloudfront:CreateInvalidation']);
    const [deadLettersId] = only('AWS::SQS::Queue', 'EventsDeadLetters');
    expect(statements.filter((s) => actions(s).some((a) => a.startsWith('sqs:')))).toEqual([
      // Lambda's own dead-letter queue for a failed repair invocation.
      expect.objectContaining({ Action: 'sqs:SendMessage', Resource: { 'Fn::GetAtt': [deadLettersId, 'Arn'] } }),
      expect.objectContaining({
        Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:SendMessage'],
        Resource: { 'Fn::GetAtt': [queueId(), 'Arn'] },
      }),
    ]);

    // The table: articles and profiles read one by one; writes only to its own SITE# items; queries only the byStatus index.
    const dynamo = statements.filter((s) => actions(s).some((a) => a.startsWith('dynamodb:')));
    const byPrefix = (prefix: string) => dynamo.filter((s) => JSON.stringify(s.Condition ?? {}).includes(`"${prefix}*"`)).flatMap(actions);
    expect(byPrefix('ARTICLE#')).toEqual(['dynamodb:GetItem']);
    expect(byPrefix('PROFILE#')).toEqual(['dynamodb:GetItem']);
    expect(byPrefix('SITE#').sort()).toEqual(['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:PutItem']);
    const onIndexes = dynamo.filter((s) => !s.Condition);
    expect(onIndexes.map((s) => [actions(s), JSON.stringify(s.Resource)])).toEqual([
      [['dynamodb:Query'], expect.stringContaining('/index/byStatus')],
    ]);
    const writes = dynamo.flatMap(actions).filter((a) => /Put|Update|Delete|Write/.test(a));
    expect(writes).toEqual(['dynamodb:PutItem']);
    for (const s of statements) expect(s.Effect).toBe('Allow');
    expect(JSON.stringify(statements)).not.toMatch(/"(s3|sqs|dynamodb|cloudfront):\*"/);
  });
});

describe('the dispatcher and the API, told about the site', () => {
  it('lets the dispatcher send to the site queue, and nothing else of it', () => {
    const dispatcher = Object.values(app.findResources('AWS::Lambda::Function')).find(
      (f) => f.Properties.Environment?.Variables?.EVENT_BUS_NAME,
    )!;
    expect(dispatcher.Properties.Environment.Variables.SITE_QUEUE_URL).toEqual({ Ref: queueId() });
    const onSiteQueue = statementsOf('EventsDispatcherRole').filter((s) => JSON.stringify(s.Resource).includes(queueId()));
    expect(onSiteQueue.map((s) => [actions(s), s.Resource])).toEqual([[['sqs:SendMessage'], { 'Fn::GetAtt': [queueId(), 'Arn'] }]]);
    expect(SITE_EVENT_TYPES).toContain('ArticleKilled');
  });

  it('gives every API function the site URL, so article JSON carries its public url', () => {
    const [cdnId] = only('AWS::CloudFront::Distribution');
    const api = Object.entries(app.findResources('AWS::Lambda::Function')).filter(([id]) => id.startsWith('Api'));
    expect(api.length).toBeGreaterThan(5);
    for (const [, fn] of api) {
      expect(fn.Properties.Environment.Variables.SITE_URL).toEqual({
        'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [cdnId, 'DomainName'] }]],
      });
    }
  });
});
