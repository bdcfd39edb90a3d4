import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { GATEWAY_ROUTES, ROUTES } from '../../lambdas/http/routes.js';
import { buildNewsroom, configFromContext } from '../../lib/newsroom-app.js';
import { CONFIG } from '../support/cdk-config.js';

let stateful: Template;
let app: Template;

beforeAll(() => {
  const cdkApp = new App({ outdir: mkdtempSync(join(tmpdir(), 'cdk-')), context: { 'aws:cdk:bundling-stacks': [] } });
  const stacks = buildNewsroom(cdkApp, CONFIG);
  // cdk-nag: synth fails on any unacknowledged error from either pack.
  Validations.of(cdkApp).addPlugins(new AwsSolutionsChecks(cdkApp), new ServerlessChecks(cdkApp));
  cdkApp.synth();
  stateful = Template.fromStack(stacks.stateful);
  app = Template.fromStack(stacks.stateless);
});

/** Every policy statement attached to a function's role. */
function statementsOf(roleLogicalPrefix: string): any[] {
  return Object.values(app.findResources('AWS::IAM::Policy'))
    .filter((p) => JSON.stringify(p.Properties.Roles).includes(roleLogicalPrefix))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as any[]);
}

/** The actions a function's role may perform, from every policy attached to it. */
function actionsOf(roleLogicalPrefix: string): string[] {
  const policies = app.findResources('AWS::IAM::Policy');
  const actions: string[] = [];
  for (const [, policy] of Object.entries(policies)) {
    const roles = JSON.stringify(policy.Properties.Roles);
    if (!roles.includes(roleLogicalPrefix)) continue;
    for (const st of policy.Properties.PolicyDocument.Statement) actions.push(...[st.Action].flat());
  }
  return actions;
}

describe('the stateful stack', () => {
  it('keeps articles safe: on-demand, point-in-time recovery, deletion protection, retained, streamed', () => {
    stateful.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
        Replicas: [
          Match.objectLike({ DeletionProtectionEnabled: true, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
        ],
        TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
        GlobalSecondaryIndexes: Match.arrayWith([Match.objectLike({ IndexName: 'byStatus' }), Match.objectLike({ IndexName: 'outbox' })]),
      }),
    });
  });

  it('lists scheduled articles by publication time from an index on the due-for-publish keys, with the list summary', () => {
    const [table] = Object.values(stateful.findResources('AWS::DynamoDB::GlobalTable'));
    const indexes = table!.Properties.GlobalSecondaryIndexes as any[];
    const byTime = indexes.find((ix) => ix.IndexName === 'scheduledByTime');
    const due = indexes.find((ix) => ix.IndexName === 'dueForPublish');
    expect(byTime.KeySchema).toEqual(due.KeySchema);
    expect(byTime.Projection.ProjectionType).toBe('INCLUDE');
    expect(byTime.Projection.NonKeyAttributes).toEqual(expect.arrayContaining(['headline', 'authorId', 'publishAt', 'status']));
    expect(byTime.Projection.NonKeyAttributes).not.toContain('bodyZ');
  });

  it('lists by last change from indexes keyed on updatedAt itself, and by tag from keys-only tag items, within DynamoDB’s projection limit', () => {
    const [table] = Object.values(stateful.findResources('AWS::DynamoDB::GlobalTable'));
    const indexes = table!.Properties.GlobalSecondaryIndexes as any[];
    const named = (name: string) => indexes.find((ix) => ix.IndexName === name);
    expect(named('byStatusUpdated').KeySchema).toEqual([
      { AttributeName: 'GSI1PK', KeyType: 'HASH' },
      { AttributeName: 'updatedAt', KeyType: 'RANGE' },
    ]);
    expect(named('byAuthorUpdated').KeySchema).toEqual([
      { AttributeName: 'GSI2PK', KeyType: 'HASH' },
      { AttributeName: 'updatedAt', KeyType: 'RANGE' },
    ]);
    expect(named('byAuthorUpdated').Projection.NonKeyAttributes).toEqual(expect.arrayContaining(['headline', 'status', 'tags', 'version']));
    expect(named('byTag')).toMatchObject({
      KeySchema: [
        { AttributeName: 'GSI7PK', KeyType: 'HASH' },
        { AttributeName: 'GSI7SK', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'KEYS_ONLY' },
    });
    // AWS refuses more than 100 projected non-key attributes summed over all indexes; dynalite does not check.
    const projected = indexes.flatMap((ix) => ix.Projection.NonKeyAttributes ?? []);
    expect(projected.length).toBeLessThanOrEqual(100);
    for (const ix of indexes) {
      const keysOf = ix.KeySchema.map((k: any) => k.AttributeName);
      expect({ index: ix.IndexName, both: (ix.Projection.NonKeyAttributes ?? []).filter((a: string) => keysOf.includes(a)) }).toEqual({
        index: ix.IndexName,
        both: [],
      });
    }
    expect(table!.Properties.AttributeDefinitions).toEqual(expect.arrayContaining([{ AttributeName: 'updatedAt', AttributeType: 'S' }]));
  });

  it('keeps media private, encrypted, TLS-only, with browser uploads from the desk and no stale multipart uploads', () => {
    stateful.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        CorsConfiguration: {
          CorsRules: [Match.objectLike({ AllowedOrigins: ['https://desk.example.com'], AllowedMethods: Match.arrayWith(['POST']) })],
        },
        LifecycleConfiguration: { Rules: [Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } })] },
        LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'media/' }),
      }),
    });
    const tlsOnly = Object.values(stateful.findResources('AWS::S3::BucketPolicy')).filter((p) =>
      JSON.stringify(p).includes('"aws:SecureTransport":"false"'),
    );
    expect(tlsOnly).toHaveLength(2);
  });
});

describe('sign-in and the API', () => {
  it('has a strong password policy, email sign-in, and the three newsroom groups, all kept in the stateful stack', () => {
    // authorId is the pool's sub: the pool must outlive any replacement of the app stack.
    stateful.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 14, RequireSymbols: true, RequireNumbers: true }) },
        UsernameAttributes: ['email'],
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        DeletionProtection: 'ACTIVE',
      }),
    });
    for (const group of ['reporters', 'editors', 'chief-editors']) {
      stateful.hasResource('AWS::Cognito::UserPoolGroup', { DeletionPolicy: 'Retain', Properties: Match.objectLike({ GroupName: group }) });
    }
    app.resourceCountIs('AWS::Cognito::UserPool', 0);
    app.resourceCountIs('AWS::Cognito::UserPoolGroup', 0);
  });

  it('gives the app client SRP sign-in only: no OAuth flows or callbacks, and no way for users to rewrite their name', () => {
    const clients = Object.values(stateful.findResources('AWS::Cognito::UserPoolClient'));
    expect(clients).toHaveLength(1);
    const client = clients[0]!.Properties;
    expect(client.AllowedOAuthFlowsUserPoolClient).toBe(false);
    expect(client.AllowedOAuthFlows).toBeUndefined();
    expect(client.CallbackURLs).toBeUndefined();
    expect(client.ExplicitAuthFlows.sort()).toEqual(['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH']);
    // Cognito lets a client write every standard attribute when the list is empty or absent.
    expect(client.WriteAttributes).toEqual(expect.any(Array));
    expect(client.WriteAttributes.length).toBeGreaterThan(0);
    expect(client.WriteAttributes).not.toContain('name');
    expect(client.WriteAttributes).not.toContain('email');
  });

  it('puts the JWT authorizer on every route but the public ones, written out here', () => {
    // Written out, not read from the route table: making a route public must fail this test.
    const PUBLIC = [
      'GET /health',
      'HEAD /health',
      'GET /openapi.json',
      'HEAD /openapi.json',
      'GET /docs',
      'HEAD /docs',
      // The 405 with Allow for methods a path does not take.
      ...[
        '/health',
        '/openapi.json',
        '/docs',
        '/articles',
        '/articles/{id}',
        '/articles/{id}/history',
        '/articles/{id}/submit',
        '/articles/{id}/withdraw',
        '/articles/{id}/request-changes',
        '/articles/{id}/approve',
        '/articles/{id}/schedule',
        '/articles/{id}/unschedule',
        '/articles/{id}/publish',
        '/articles/{id}/spike',
        '/articles/{id}/unspike',
        '/articles/{id}/correct',
        '/articles/{id}/unpublish',
        '/articles/{id}/kill',
        '/articles/{id}/revisions',
        '/articles/{id}/revisions/{revision}',
        '/articles/{id}/revisions/{revision}/diff',
        '/articles/{id}/revisions/{revision}/restore',
        '/articles/{id}/media',
        '/articles/{id}/media/{mediaId}',
        '/deliveries',
        '/deliveries/{eventId}/redeliver',
        '/articles/{id}/comments',
        '/articles/{id}/comments/{commentId}/resolve',
        '/articles/{id}/comments/{commentId}',
        '/profiles/me',
        '/profiles/{userId}',
      ].map((path) => `ANY ${path}`),
    ];
    const routes = Object.values(app.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties);
    expect(routes.map((r) => r.RouteKey).sort()).toEqual(GATEWAY_ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    const [authorizerId] = Object.keys(
      app.findResources('AWS::ApiGatewayV2::Authorizer', {
        Properties: { AuthorizerType: 'JWT', IdentitySource: ['$request.header.Authorization'] },
      }),
    );
    expect(authorizerId).toBeDefined();
    for (const route of routes) {
      if (PUBLIC.includes(route.RouteKey)) {
        expect({ route: route.RouteKey, auth: route.AuthorizationType }).toEqual({ route: route.RouteKey, auth: 'NONE' });
        expect(route.AuthorizerId).toBeUndefined();
      } else {
        expect({ route: route.RouteKey, auth: route.AuthorizationType, by: route.AuthorizerId }).toEqual({
          route: route.RouteKey,
          auth: 'JWT',
          by: { Ref: authorizerId },
        });
      }
    }
    expect(
      routes
        .filter((r) => r.AuthorizationType === 'NONE')
        .map((r) => r.RouteKey)
        .sort(),
    ).toEqual([...PUBLIC].sort());
  });

  it('serves the OpenAPI document and the reference page from a function that may touch no data', () => {
    const docs = Object.values(app.findResources('AWS::ApiGatewayV2::Route')).filter((r) =>
      ['GET /openapi.json', 'GET /docs'].includes(r.Properties.RouteKey),
    );
    expect(docs.map((r) => JSON.stringify(r.Properties.Target))).toEqual([
      expect.stringContaining('apiDocsIntegration'),
      expect.stringContaining('apiDocsIntegration'),
    ]);
    expect(actionsOf('ApiapiDocsRole').filter((a) => !a.startsWith('logs:') && !a.startsWith('xray:'))).toEqual([]);
    const [fn] = Object.values(app.findResources('AWS::Lambda::Function', { Properties: { Description: 'Newsroom apiDocs' } }));
    expect(fn!.Properties.Environment.Variables).not.toHaveProperty('TABLE_NAME');
  });

  it('sends a method a known path does not take to the 405 function, and HEAD beside every GET to the same function', () => {
    const routes = Object.values(app.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties);
    const target = (key: string) => JSON.stringify(routes.find((r) => r.RouteKey === key)!.Target);
    const paths = [...new Set(ROUTES.map((r) => r.path))];
    for (const path of paths) expect(target(`ANY ${path}`)).toMatch(/methodNotAllowedIntegration/);
    for (const r of ROUTES.filter((r) => r.method === 'GET')) expect(target(`HEAD ${r.path}`)).toBe(target(`GET ${r.path}`));
  });

  it('throttles the stage and writes structured access logs', () => {
    app.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"') },
    });
  });

  it('runs every function on Node.js 24, arm64, traced, with JSON logs', () => {
    const fns = Object.values(app.findResources('AWS::Lambda::Function'));
    expect(fns.length).toBeGreaterThanOrEqual(6);
    for (const fn of fns) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogFormat: 'JSON' },
      });
    }
  });

  it('grants each function only the table actions it needs', () => {
    const read = actionsOf('ApiarticlesReadRole');
    expect(read).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem']));
    const readIndexes = statementsOf('ApiarticlesReadRole')
      .filter((st) => [st.Action].flat().includes('dynamodb:Query'))
      .flatMap((st) => [st.Resource].flat())
      .map((r) => JSON.stringify(r).match(/\/index\/(\w+)/)?.[1])
      .filter(Boolean);
    expect(readIndexes).toEqual(expect.arrayContaining(['byStatusUpdated', 'byAuthorUpdated', 'byTag']));
    expect(read).not.toEqual(expect.arrayContaining(['dynamodb:PutItem']));
    expect(read).not.toContain('dynamodb:UpdateItem');

    const approve = actionsOf('ApiarticlesApproveRole');
    expect(approve).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:UpdateItem']));
    expect(approve).not.toContain('dynamodb:Query');
    // It may put items only under IDEMPOTENCY#: never an article, nor a slug claim (claims are conditional updates).
    const puts = statementsOf('ApiarticlesApproveRole').filter((st) => [st.Action].flat().includes('dynamodb:PutItem'));
    expect(puts).toEqual([
      expect.objectContaining({ Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['IDEMPOTENCY#*'] } } }),
    ]);

    expect(actionsOf('ApihealthRole').filter((a) => a.startsWith('dynamodb:'))).toEqual([]);
    const all = Object.values(app.findResources('AWS::IAM::Policy')).flatMap((p) =>
      p.Properties.PolicyDocument.Statement.flatMap((s: any) => [s.Action].flat()),
    );
    expect(all).not.toContain('dynamodb:Scan');
    expect(all).not.toContain('dynamodb:DeleteItem');
  });

  it('grants no wildcard action anywhere, and "*" resources only to actions that have no resource to name', () => {
    // These three accept no resource-level permission, so "*" is the only way to grant them.
    const RESOURCELESS = ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'dynamodb:ListStreams'];
    for (const template of [app, stateful]) {
      const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
        (p) => p.Properties.PolicyDocument.Statement as any[],
      );
      expect(statements.length).toBeGreaterThan(0);
      for (const st of statements.filter((s) => s.Effect === 'Allow')) {
        const actions = [st.Action].flat() as string[];
        expect(actions.filter((a) => a === '*' || a.endsWith(':*') || a.endsWith('*'))).toEqual([]);
        expect(st.NotAction).toBeUndefined();
        expect(st.NotResource).toBeUndefined();
        if ([st.Resource].flat().includes('*')) expect(RESOURCELESS).toEqual(expect.arrayContaining(actions));
      }
    }
  });
});

describe('notifications', () => {
  it('wakes the dispatcher from the stream only for items with pending events, with retries, bisection and a dead-letter queue', () => {
    app.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      StartingPosition: 'LATEST',
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 10,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ dynamodb: { NewImage: { GSI3PK: { S: [{ exists: true }] } } } }) }] },
    });
    app.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 minute)' });
  });

  it('sends approvals to an encrypted, TLS-only SNS topic', () => {
    app.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { source: ['newsroom.articles'], 'detail-type': ['ArticleApproved'] },
      Targets: [Match.objectLike({ DeadLetterConfig: Match.anyValue() })],
    });
    app.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    app.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
    app.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'desk@example.com' });
  });

  it('alarms on dead letters, dispatcher errors, late delivery and API 5xx', () => {
    app.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'Newsroom',
      MetricName: 'DeliveryLag',
      Threshold: 60000,
      Statistic: 'Maximum',
    });
    app.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 0 });
    app.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Errors', Namespace: 'AWS/Lambda' });
    app.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: '5xx', Namespace: 'AWS/ApiGateway' });
  });

  it('publishes the outputs an operator needs', () => {
    for (const name of ['ApiUrl', 'UserPoolId', 'UserPoolClientId', 'MediaBucketName', 'EventBusName']) {
      expect(Object.keys(app.findOutputs('*'))).toContain(name);
    }
  });
});

describe('scheduled publishing', () => {
  it('has a schedule group, a sweep every minute, and a lag alarm at two minutes', () => {
    // Deleted with the stack (and its schedules with it), so destroy and redeploy work.
    app.hasResource('AWS::Scheduler::ScheduleGroup', { DeletionPolicy: 'Delete' });
    expect(app.findResources('AWS::Scheduler::ScheduleGroup', { Properties: { Name: 'NewsroomApp-articles' } })).toEqual({});
    const sweeps = Object.values(app.findResources('AWS::Events::Rule', { Properties: { ScheduleExpression: 'rate(1 minute)' } }));
    expect(sweeps).toHaveLength(2);
    app.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'Newsroom',
      MetricName: 'PublishLag',
      Threshold: 120000,
      Statistic: 'Maximum',
    });
  });

  it('lets the scheduler role invoke only the publisher, and only the dispatcher manage schedules', () => {
    app.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: { Service: 'scheduler.amazonaws.com' },
            Condition: { StringEquals: { 'aws:SourceAccount': Match.anyValue() } },
          }),
        ],
      },
    });
    const invoke = actionsOf('PublishingSchedulerInvoke');
    expect(invoke.sort()).toEqual(['lambda:InvokeFunction', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'].sort());
    expect(actionsOf('EventsDispatcherRole')).toEqual(
      expect.arrayContaining(['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule', 'iam:PassRole']),
    );
    for (const fn of ['ApiarticlesApproveRole', 'ApiarticlesReadRole', 'PublishingPublisherRole']) {
      expect(actionsOf(fn).filter((a) => a.startsWith('scheduler:'))).toEqual([]);
    }
    const publisher = actionsOf('PublishingPublisherRole');
    expect(publisher).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem']));
    // It puts nothing: it updates articles and, at first publication, claims slugs (SLUG# items only).
    expect(statementsOf('PublishingPublisherRole').filter((st) => [st.Action].flat().includes('dynamodb:PutItem'))).toEqual([]);
    const updates = statementsOf('PublishingPublisherRole').filter((st) => [st.Action].flat().includes('dynamodb:UpdateItem'));
    expect(updates.map((st) => st.Condition)).toEqual([
      { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['ARTICLE#*'] } },
      { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['SLUG#*'] } },
    ]);
  });
});

describe('media', () => {
  it('announces uploads on EventBridge and sends those under media/ to the verifier', () => {
    stateful.hasResourceProperties('Custom::S3BucketNotifications', { NotificationConfiguration: { EventBridgeConfiguration: {} } });
    app.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({
        source: ['aws.s3'],
        'detail-type': ['Object Created'],
        detail: Match.objectLike({ object: { key: [{ prefix: 'media/' }] } }),
      }),
      Targets: [Match.objectLike({ DeadLetterConfig: Match.anyValue(), RetryPolicy: Match.anyValue() })],
    });
  });

  it('lets the verifier read, copy and delete under media/ only, and nothing at all to the other API functions', () => {
    const s3Of = (prefix: string) => statementsOf(prefix).filter((s) => [s.Action].flat().some((a: string) => a.startsWith('s3:')));
    const verifier = s3Of('MediaVerifierRole');
    // PutObject: the verifier copies each upload to the key it then judges and serves.
    expect(verifier.flatMap((s) => [s.Action].flat()).sort()).toEqual(['s3:DeleteObject', 's3:GetObject', 's3:PutObject']);
    expect(JSON.stringify(verifier.map((s) => s.Resource))).toContain('/media/*');
    expect(
      s3Of('ApiarticlesMediaRole')
        .flatMap((s) => [s.Action].flat())
        .sort(),
    ).toEqual(['s3:DeleteObject', 's3:GetObject', 's3:PutObject']);
    for (const other of ['ApiarticlesReadRole', 'ApiarticlesWriteRole', 'ApiarticlesApproveRole', 'EventsDispatcherRole']) {
      expect(s3Of(other)).toEqual([]);
    }
  });
});

describe('deploy-time settings', () => {
  it('refuses malformed context instead of deploying something surprising', () => {
    expect(() => configFromContext(new App({ context: { corsOrigins: ['desk.example.com/path'] } }))).toThrow(/not an origin/);
    expect(() => configFromContext(new App({ context: { webhooks: [{ name: 'x', url: 'http://insecure' }] } }))).toThrow(/https url/);
    expect(configFromContext(new App({ context: { corsOrigins: 'https://a.example,https://b.example' } })).corsOrigins).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
  });
});
