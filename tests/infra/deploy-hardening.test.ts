import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { buildNewsroom, configFromContext } from '../../lib/newsroom-app.js';
import { CONFIG } from '../support/cdk-config.js';

const newApp = (context: Record<string, unknown> = {}) =>
  new App({ outdir: mkdtempSync(join(tmpdir(), 'cdk-')), context: { 'aws:cdk:bundling-stacks': [], ...context } });

let stateful: Template;
let app: Template;

beforeAll(() => {
  const stacks = buildNewsroom(newApp(), CONFIG);
  stateful = Template.fromStack(stacks.stateful);
  app = Template.fromStack(stacks.stateless);
});

/** Every Allow statement of the IAM policies attached to roles whose logical id contains `role`. */
function statementsOf(role: string): any[] {
  return Object.values(app.findResources('AWS::IAM::Policy'))
    .filter((p) => JSON.stringify(p.Properties.Roles).includes(role))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as any[]);
}
const actionsIn = (statements: any[]) => statements.flatMap((s) => [s.Action].flat() as string[]);
const resourceText = (st: any) => JSON.stringify(st.Resource);
/** Statements on the table itself (not its indexes, not its stream). */
const onTable = (statements: any[]) =>
  statements.filter(
    (s) => resourceText(s).includes(':table/') && !resourceText(s).includes('/index/') && s.Action !== 'dynamodb:ListStreams',
  );
const onIndexes = (statements: any[]) => statements.filter((s) => resourceText(s).includes('/index/'));

describe('the first deploy with the repository defaults', () => {
  const defaults = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')).context as Record<string, unknown>;
  let defaultStateful: Template;
  let defaultApp: Template;
  beforeAll(() => {
    const cdk = newApp(defaults);
    const stacks = buildNewsroom(cdk, configFromContext(cdk));
    defaultStateful = Template.fromStack(stacks.stateful);
    defaultApp = Template.fromStack(stacks.stateless);
  });

  it('has no CORS rule on the media bucket and no CORS on the API when no origin is given (S3 refuses an empty AllowedOrigins)', () => {
    expect(defaults.corsOrigins).toEqual([]);
    const buckets = Object.values(defaultStateful.findResources('AWS::S3::Bucket'));
    expect(buckets.length).toBe(2);
    for (const b of buckets) expect(b.Properties.CorsConfiguration).toBeUndefined();
    for (const api of Object.values(defaultApp.findResources('AWS::ApiGatewayV2::Api'))) {
      expect(api.Properties.CorsConfiguration).toBeUndefined();
    }
    // And with an origin, exactly that origin.
    stateful.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedOrigins: ['https://desk.example.com'] })] },
    });
  });

  it('passes no empty list anywhere a CloudFormation property would refuse one', () => {
    const empties: string[] = [];
    const walk = (v: unknown, path: string) => {
      if (Array.isArray(v)) {
        if (v.length === 0) empties.push(path);
        v.forEach((x, i) => walk(x, `${path}[${i}]`));
      } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    };
    for (const t of [defaultStateful, defaultApp])
      for (const [id, r] of Object.entries(t.toJSON().Resources)) walk((r as any).Properties, id);
    expect(empties).toEqual([]);
  });

  it('gives the stacks no CloudFormation exports to block later changes: values travel through SSM parameters', () => {
    const tpl = defaultApp.toJSON();
    expect(JSON.stringify(tpl)).not.toContain('Fn::ImportValue');
    for (const out of Object.values((defaultStateful.toJSON().Outputs ?? {}) as Record<string, any>)) expect(out.Export).toBeUndefined();
    for (const value of ['tableName', 'tableStreamArn', 'mediaBucketName', 'mediaBucketArn', 'userPoolId', 'userPoolClientId']) {
      defaultStateful.hasResourceProperties('AWS::SSM::Parameter', { Name: `/NewsroomStateful/${value}`, Type: 'String' });
      expect(Object.values(tpl.Parameters)).toContainEqual({
        Type: 'AWS::SSM::Parameter::Value<String>',
        Default: `/NewsroomStateful/${value}`,
      });
    }
    // The dispatcher's stream comes from the parameter, re-read on every deploy.
    defaultApp.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { Ref: Match.stringLikeRegexp('tableStreamArn') },
    });
  });
});

describe('deploy-time settings', () => {
  it('passes MEDIA_MAX_BYTES and MEDIA_MAX_PIXELS from context to every function that handles media, and refuses malformed ones', () => {
    // The site renderer reads the media bucket too, but only copies verified images: it checks no upload.
    const media = Object.values(app.findResources('AWS::Lambda::Function')).filter(
      (f) =>
        f.Properties.Environment?.Variables?.MEDIA_BUCKET !== undefined && f.Properties.Environment.Variables.SITE_BUCKET === undefined,
    );
    expect(media.map((f) => f.Properties.Description).sort()).toEqual([
      'Checks uploaded media against what was declared',
      'Newsroom articlesMedia',
      'Re-verifies uploads still pending a few minutes after they were declared',
    ]);
    for (const f of media) {
      expect(f.Properties.Environment.Variables.MEDIA_MAX_BYTES).toBe(CONFIG.mediaMaxBytes);
      expect(f.Properties.Environment.Variables.MEDIA_MAX_PIXELS).toBe(CONFIG.mediaMaxPixels);
    }

    const fromContext = configFromContext(new App({ context: { mediaMaxBytes: { 'video/mp4': 1_000_000 } } }));
    expect(fromContext.mediaMaxBytes).toBe('{"video/mp4":1000000}');
    expect(() => configFromContext(new App({ context: { mediaMaxBytes: { 'text/html': 5 } } }))).toThrow(/mediaMaxBytes/);
    expect(() => configFromContext(new App({ context: { mediaMaxBytes: '{oops' } }))).toThrow(/mediaMaxBytes/);
    expect(() => configFromContext(new App({ context: { alarmEmails: ['not-an-address'] } }))).toThrow(/alarmEmails/);
    expect(configFromContext(new App({ context: { mediaMaxPixels: 25_000_000 } })).mediaMaxPixels).toBe('25000000');
    expect(() => configFromContext(new App({ context: { mediaMaxPixels: 'lots' } }))).toThrow(/mediaMaxPixels/);
  });
});

describe('adding indexes to a table deployed before them', () => {
  const indexNames = (t: Template) =>
    (Object.values(t.findResources('AWS::DynamoDB::GlobalTable'))[0]!.Properties.GlobalSecondaryIndexes as { IndexName: string }[]).map(
      (ix) => ix.IndexName,
    );

  it('a new table gets every index; skipIndexes leaves the named ones for a later deploy, and refuses a name it does not know', () => {
    const all = indexNames(stateful);
    expect(all).toEqual(expect.arrayContaining(['deliveries', 'scheduledByTime']));
    const first = Template.fromStack(buildNewsroom(newApp({ skipIndexes: 'scheduledByTime' }), CONFIG).stateful);
    expect(indexNames(first)).toEqual(all.filter((n) => n !== 'scheduledByTime'));
    expect(() => buildNewsroom(newApp({ skipIndexes: 'byTitle' }), CONFIG)).toThrow(/skipIndexes names no index of the table: byTitle/);
  });

  it('the list indexes for sort=updatedAt and tag= come one deploy at a time, in the order the README gives', () => {
    const all = indexNames(stateful);
    const added = ['byStatusUpdated', 'byAuthorUpdated', 'byTag'];
    expect(all.slice(-3)).toEqual(added);
    const first = Template.fromStack(buildNewsroom(newApp({ skipIndexes: 'byAuthorUpdated,byTag' }), CONFIG).stateful);
    expect(indexNames(first)).toEqual(all.slice(0, -2));
    const second = Template.fromStack(buildNewsroom(newApp({ skipIndexes: 'byTag' }), CONFIG).stateful);
    expect(indexNames(second)).toEqual(all.slice(0, -1));
  });
});

describe('alarms', () => {
  it('tell the operators: every alarm notifies an encrypted alarm topic with the email subscriptions from context', () => {
    const alarms = Object.values(app.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms.length).toBeGreaterThanOrEqual(5);
    const [topicId] = Object.keys(app.findResources('AWS::SNS::Topic', { Properties: { DisplayName: 'Newsroom alarms' } }));
    expect(topicId).toBeDefined();
    for (const alarm of alarms) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(alarm.Properties.OKActions).toEqual([{ Ref: topicId }]);
    }
    app.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com', TopicArn: { Ref: topicId } });
    app.hasResourceProperties('AWS::SNS::Topic', { DisplayName: 'Newsroom alarms', KmsMasterKeyId: Match.anyValue() });
    // CloudWatch may use the key and the topic only for this account's alarms.
    const cloudwatch = Match.objectLike({
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Condition: { StringEquals: { 'aws:SourceAccount': Match.anyValue() }, ArnLike: { 'aws:SourceArn': Match.anyValue() } },
    });
    app.hasResourceProperties('AWS::KMS::Key', {
      Description: 'Newsroom alarm notifications',
      KeyPolicy: { Statement: Match.arrayWith([cloudwatch]) },
    });
    app.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
      PolicyDocument: { Statement: Match.arrayWith([cloudwatch]) },
    });
  });
});

describe('the media sweep', () => {
  it('runs every five minutes, reads drafts and reviews through the status index only, and touches media/ only', () => {
    const [sweepId] = Object.keys(
      app.findResources('AWS::Lambda::Function', {
        Properties: { Description: 'Re-verifies uploads still pending a few minutes after they were declared' },
      }),
    );
    expect(sweepId).toBeDefined();
    app.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(5 minutes)',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [sweepId, 'Arn'] }, DeadLetterConfig: Match.anyValue() })],
    });
    const st = statementsOf('MediaSweepRole');
    expect(actionsIn(onTable(st)).sort()).toEqual(['dynamodb:GetItem', 'dynamodb:UpdateItem']);
    expect(onIndexes(st).map(resourceText).join()).toMatch(/\/index\/byStatus"/);
    expect(onIndexes(st).map(resourceText).join()).not.toMatch(/byAuthor|outbox|dueForPublish/);
    // It runs the verifier's own use case: exactly the verifier's access to the bucket, under media/ only.
    const s3Of = (role: string) => statementsOf(role).filter((s) => actionsIn([s]).some((a) => a.startsWith('s3:')));
    const s3 = s3Of('MediaSweepRole');
    expect(actionsIn(s3).sort()).toEqual(actionsIn(s3Of('MediaVerifierRole')).sort());
    expect(actionsIn(s3)).toContain('s3:GetObject');
    expect(actionsIn(s3)).not.toContain('s3:ListBucket');
    for (const s of s3) expect(resourceText(s)).toMatch(/\/media\/\*"/);
  });
});

describe('least privilege', () => {
  const ARTICLES_ONLY = { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['ARTICLE#*'] } };
  const IDEMPOTENCY_ONLY = { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['IDEMPOTENCY#*'] } };
  const DELIVERIES_ONLY = { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['DELIVERY#*'] } };
  const SLUGS_ONLY = { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['SLUG#*'] } };
  /**
   * What each role may do to slug claims: the two that publish claim them with conditional updates
   * (which also count the claims on a slug); nothing reads, replaces or deletes them.
   */
  const SLUG_CLAIMS: Record<string, string[]> = {
    ApiarticlesApproveRole: ['dynamodb:UpdateItem'],
    // A correction gives an article published before slugs existed its slug.
    ApiarticlesCorrectionsRole: ['dynamodb:UpdateItem'],
    PublishingPublisherRole: ['dynamodb:UpdateItem'],
  };
  /** What each role may do to delivery records; none named here may touch them. */
  const DELIVERY_LOG: Record<string, string[]> = {
    ApideliveriesRole: ['dynamodb:Query'],
    EventsDispatcherRole: ['dynamodb:PutItem'],
  };
  const ROLES = {
    ApihealthRole: { table: [], idempotency: [] },
    ApideliveriesRole: { table: [], idempotency: [] },
    ApiarticlesReadRole: { table: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem'], idempotency: [] },
    ApiarticlesWriteRole: {
      table: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
      idempotency: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
    },
    ApiarticlesReviewRole: {
      table: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
      idempotency: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
    },
    ApiarticlesApproveRole: {
      table: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
      idempotency: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
    },
    ApiarticlesCorrectionsRole: {
      table: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
      idempotency: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
    },
    ApiarticlesMediaRole: { table: ['dynamodb:GetItem', 'dynamodb:UpdateItem'], idempotency: [] },
    MediaVerifierRole: { table: ['dynamodb:GetItem', 'dynamodb:UpdateItem'], idempotency: [] },
    EventsDispatcherRole: { table: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'], idempotency: [] },
    PublishingPublisherRole: { table: ['dynamodb:GetItem', 'dynamodb:UpdateItem'], idempotency: [] },
  };

  it('limits article statements to ARTICLE# keys and idempotency statements to IDEMPOTENCY# keys, each function to what its code calls', () => {
    for (const [role, expected] of Object.entries(ROLES)) {
      const table = onTable(statementsOf(role));
      for (const st of table) {
        expect({ role, condition: st.Condition }).toEqual({ role, condition: expect.anything() });
        expect([ARTICLES_ONLY, IDEMPOTENCY_ONLY, DELIVERIES_ONLY, SLUGS_ONLY]).toContainEqual(st.Condition);
      }
      const articles = actionsIn(table.filter((s) => JSON.stringify(s.Condition) === JSON.stringify(ARTICLES_ONLY)));
      const idempotency = actionsIn(table.filter((s) => JSON.stringify(s.Condition) === JSON.stringify(IDEMPOTENCY_ONLY)));
      const deliveries = actionsIn(table.filter((s) => JSON.stringify(s.Condition) === JSON.stringify(DELIVERIES_ONLY)));
      const slugs = actionsIn(table.filter((s) => JSON.stringify(s.Condition) === JSON.stringify(SLUGS_ONLY)));
      expect({ role, articles: articles.sort(), idempotency: idempotency.sort(), deliveries: deliveries.sort(), slugs }).toEqual({
        role,
        articles: [...expected.table].sort(),
        idempotency: [...expected.idempotency].sort(),
        deliveries: [...(DELIVERY_LOG[role] ?? [])].sort(),
        slugs: SLUG_CLAIMS[role] ?? [],
      });
    }
  });

  it('lets the deliveries function read delivery records and the deliveries index only, and nothing else of the table', () => {
    const st = statementsOf('ApideliveriesRole');
    const dynamo = st.filter((s) => actionsIn([s]).some((a) => a.startsWith('dynamodb:')));
    expect(actionsIn(dynamo).sort()).toEqual(['dynamodb:Query', 'dynamodb:Query']);
    expect(onIndexes(dynamo).map(resourceText)).toEqual([expect.stringMatching(/\/index\/deliveries"/)]);
    expect(onTable(dynamo).map((s) => s.Condition)).toEqual([DELIVERIES_ONLY]);
  });

  it('keeps delivery records 7 days by the table TTL attribute and indexes them apart from articles', () => {
    stateful.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
      GlobalSecondaryIndexes: Match.arrayWith([
        Match.objectLike({
          IndexName: 'deliveries',
          KeySchema: [
            { AttributeName: 'GSI5PK', KeyType: 'HASH' },
            { AttributeName: 'GSI5SK', KeyType: 'RANGE' },
          ],
          // The list view only: the event each record keeps for redelivery stays out of the index.
          Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: Match.arrayWith(['status', 'attempts', 'recent', 'expiresAt']) },
        }),
      ]),
    });
    const ix = stateful.toJSON().Resources as Record<string, any>;
    const table = Object.values(ix).find((r) => r.Type === 'AWS::DynamoDB::GlobalTable')!;
    const deliveries = table.Properties.GlobalSecondaryIndexes.find((i: any) => i.IndexName === 'deliveries');
    expect(deliveries.Projection.NonKeyAttributes).not.toContain('event');
  });

  it('lets the dispatcher and the publisher query only the index each reads, never the table', () => {
    for (const [role, index] of [
      ['EventsDispatcherRole', 'outbox'],
      ['PublishingPublisherRole', 'dueForPublish'],
    ] as const) {
      const st = statementsOf(role);
      const queries = st.filter((s) => actionsIn([s]).includes('dynamodb:Query'));
      expect(queries.length).toBe(1);
      expect(actionsIn(queries)).toEqual(['dynamodb:Query']);
      expect(resourceText(queries[0])).toMatch(new RegExp(`/index/${index}"`));
    }
  });

  it('passes the scheduler role to EventBridge Scheduler only', () => {
    const pass = statementsOf('EventsDispatcherRole').filter((s) => actionsIn([s]).includes('iam:PassRole'));
    expect(pass).toEqual([expect.objectContaining({ Condition: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } } })]);
    for (const st of Object.values(app.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement as any[])) {
      if (actionsIn([st]).includes('iam:PassRole')) expect(st.Condition?.StringEquals?.['iam:PassedToService']).toBeDefined();
    }
  });

  it('lets EventBridge publish to the approvals topic only from the approvals rule of this account, and use its key', () => {
    const [ruleId] = Object.keys(
      app.findResources('AWS::Events::Rule', { Properties: { EventPattern: { 'detail-type': ['ArticleApproved'] } } }),
    );
    expect(ruleId).toBeDefined();
    const events = (statements: any[]) => statements.filter((s) => JSON.stringify(s.Principal ?? {}).includes('events.amazonaws.com'));
    const keyStatements = events(
      Object.values(app.findResources('AWS::KMS::Key', { Properties: { Description: 'Newsroom approval notifications' } })).flatMap(
        (k) => k.Properties.KeyPolicy.Statement,
      ),
    );
    // AWS (SNS developer guide, key management): aws:SourceAccount and aws:SourceArn in a KMS key
    // policy are not supported for EventBridge-to-encrypted-topic delivery; with them nothing arrives.
    expect(keyStatements).toEqual([
      expect.objectContaining({ Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Resource: '*' }),
    ]);
    expect(keyStatements[0].Condition?.StringEquals?.['aws:SourceAccount']).toBeUndefined();
    expect(keyStatements[0].Condition?.ArnLike?.['aws:SourceArn']).toBeUndefined();
    const topicStatements = events(
      Object.values(app.findResources('AWS::SNS::TopicPolicy')).flatMap((p) => p.Properties.PolicyDocument.Statement),
    );
    expect(topicStatements.length).toBeGreaterThan(0);
    for (const st of topicStatements) {
      expect(st.Condition).toEqual({
        StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
        ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [ruleId, 'Arn'] } },
      });
    }
  });
});

describe('scheduled publishing in AWS', () => {
  it('gives the publisher time to wait out a schedule that fires up to 59 s early, and still write', () => {
    app.hasResourceProperties('AWS::Lambda::Function', {
      Description: 'Publishes scheduled articles when they fall due',
      Timeout: Match.anyValue(),
    });
    const [publisher] = Object.values(
      app.findResources('AWS::Lambda::Function', { Properties: { Description: 'Publishes scheduled articles when they fall due' } }),
    );
    expect(publisher!.Properties.Timeout).toBeGreaterThanOrEqual(59 + 5 + 10);
  });
});
