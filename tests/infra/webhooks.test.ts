import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { buildNewsroom } from '../../lib/newsroom-app.js';
import { CONFIG } from '../support/cdk-config.js';

/** Two webhook targets, so the template shows what belongs to each and what they share. */
const TARGETS = [
  { name: 'cms', url: 'https://cms.example.com/hooks/newsroom', secretName: 'newsroom/cms-webhook' },
  { name: 'wire', url: 'https://wire.example.org/in', secretName: 'newsroom/wire-webhook' },
];
const SIX_HOURS = 6 * 3600;

let app: Template;

beforeAll(() => {
  const cdkApp = new App({ outdir: mkdtempSync(join(tmpdir(), 'cdk-')), context: { 'aws:cdk:bundling-stacks': [] } });
  const stacks = buildNewsroom(cdkApp, { ...CONFIG, webhooks: TARGETS });
  // cdk-nag: synth fails on any unacknowledged error from either pack.
  Validations.of(cdkApp).addPlugins(new AwsSolutionsChecks(cdkApp), new ServerlessChecks(cdkApp));
  cdkApp.synth();
  app = Template.fromStack(stacks.stateless);
});

const logicalId = (type: string, prefix: string): string => {
  const ids = Object.keys(app.findResources(type)).filter((id) => id.startsWith(prefix));
  expect(ids).toHaveLength(1);
  return ids[0]!;
};
const queueOf = (name: string) => logicalId('AWS::SQS::Queue', `EventsWebhook${name}Queue`);
const deadLettersOf = (name: string) => logicalId('AWS::SQS::Queue', `EventsWebhook${name}DeadLetters`);
const senderOf = (name: string) => logicalId('AWS::Lambda::Function', `EventsWebhook${name}Sender`);
const resource = (id: string) => app.toJSON().Resources[id];

/** Every statement of the policies attached to a role whose logical id starts with `prefix`. */
function statementsOf(prefix: string): { Action: string | string[]; Resource: unknown }[] {
  return Object.values(app.findResources('AWS::IAM::Policy'))
    .filter((p) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref.startsWith(prefix)))
    .flatMap((p) => p.Properties.PolicyDocument.Statement);
}
const sqsStatementsOf = (prefix: string) => statementsOf(prefix).filter((s) => [s.Action].flat().some((a) => a.startsWith('sqs:')));

describe('webhook delivery in AWS: a FIFO queue per target, fed by the dispatcher', () => {
  it('gives each target a FIFO queue without content-based deduplication, redriving to a FIFO dead-letter queue', () => {
    for (const { name } of TARGETS) {
      const queue = resource(queueOf(name)).Properties;
      expect(queue).toMatchObject({
        FifoQueue: true,
        ContentBasedDeduplication: false,
        SqsManagedSseEnabled: true,
        RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [deadLettersOf(name), 'Arn'] } },
      });
      expect(resource(deadLettersOf(name)).Properties).toMatchObject({ FifoQueue: true, MessageRetentionPeriod: 14 * 86400 });
    }
  });

  it('keeps a message through a six-hour outage: retries spaced by the visibility timeout outlast it, and retention outlasts the retries', () => {
    for (const { name } of TARGETS) {
      const queue = resource(queueOf(name)).Properties;
      const sender = resource(senderOf(name)).Properties;
      const { VisibilityTimeout: visibility, MessageRetentionPeriod: retention } = queue;
      const receives = queue.RedrivePolicy.maxReceiveCount;
      // A failed message is received again only after its visibility timeout: it dead-letters no
      // earlier than (receives − 1) × visibility after its first attempt.
      const secondsBeforeDeadLetter = (receives - 1) * visibility;
      expect(secondsBeforeDeadLetter).toBeGreaterThanOrEqual(1.5 * SIX_HOURS);
      expect(retention).toBeGreaterThanOrEqual(4 * 86400);
      expect(retention).toBeGreaterThan(2 * secondsBeforeDeadLetter);
      // Lambda asks for a visibility timeout of at least six times the function's timeout.
      expect(visibility).toBeGreaterThanOrEqual(6 * sender.Timeout);
    }
  });

  it('lets each sender read its own queue in order and report partial batch failures, invoked by nothing else', () => {
    for (const { name, url, secretName } of TARGETS) {
      app.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: { 'Fn::GetAtt': [queueOf(name), 'Arn'] },
        FunctionName: { Ref: senderOf(name) },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BatchSize: Match.anyValue(),
        ScalingConfig: { MaximumConcurrency: Match.anyValue() },
      });
      const sender = resource(senderOf(name)).Properties;
      expect(sender.Environment.Variables).toMatchObject({ WEBHOOK_URL: url, WEBHOOK_SECRET_NAME: secretName });
      expect(sender.DeadLetterConfig).toBeUndefined();
    }
    // No EventBridge rule delivers webhooks any more (its SQS target could only take a fixed message group).
    const ruleTargets = Object.values(app.findResources('AWS::Events::Rule')).flatMap((r) => r.Properties.Targets ?? []);
    expect(JSON.stringify(ruleTargets)).not.toMatch(/Webhook/);
    expect(JSON.stringify(ruleTargets)).not.toContain('example.com/hooks');
  });

  it('tells the dispatcher every queue, and lets it only send to them', () => {
    const dispatcher = Object.values(app.findResources('AWS::Lambda::Function')).find(
      (f) => f.Properties.Environment?.Variables?.WEBHOOK_QUEUE_URLS,
    )!;
    const urls = JSON.stringify(dispatcher.Properties.Environment.Variables.WEBHOOK_QUEUE_URLS);
    for (const { name } of TARGETS) expect(urls).toContain(`{"Ref":"${queueOf(name)}"}`);

    // On the webhook queues the dispatcher may send, nothing else; on their dead-letter queues nothing at all.
    const webhookQueues = TARGETS.flatMap(({ name }) => [queueOf(name), deadLettersOf(name)]);
    const onWebhookQueues = sqsStatementsOf('EventsDispatcherRole').filter((s) =>
      webhookQueues.some((q) => JSON.stringify(s.Resource).includes(q)),
    );
    expect(onWebhookQueues.flatMap((s) => [s.Action].flat())).toEqual(TARGETS.map(() => 'sqs:SendMessage'));
    expect(onWebhookQueues.map((s) => s.Resource)).toEqual(TARGETS.map(({ name }) => ({ 'Fn::GetAtt': [queueOf(name), 'Arn'] })));
  });

  it('lets each sender only receive and delete from its own queue, and read only its own secret', () => {
    for (const { name, secretName } of TARGETS) {
      const role = `EventsWebhook${name}SenderRole`;
      const sqs = sqsStatementsOf(role);
      expect(sqs).toEqual([
        expect.objectContaining({
          Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'],
          Resource: { 'Fn::GetAtt': [queueOf(name), 'Arn'] },
        }),
      ]);
      const secrets = statementsOf(role).filter((s) => [s.Action].flat().includes('secretsmanager:GetSecretValue'));
      expect(secrets).toHaveLength(1);
      expect(JSON.stringify(secrets[0]!.Resource)).toContain(`:secret:${secretName}-??????`);
      for (const other of TARGETS.filter((t) => t.name !== name)) {
        expect(JSON.stringify(statementsOf(role))).not.toContain(other.secretName);
        expect(JSON.stringify(statementsOf(role))).not.toContain(queueOf(other.name));
      }
      const actions = statementsOf(role).flatMap((s) => [s.Action].flat());
      expect(actions.filter((a) => a.startsWith('events:'))).toEqual([]);
      // The table only to log its attempts: read and write delivery records, nothing else.
      const table = statementsOf(role).filter((s) => [s.Action].flat().some((a) => a.startsWith('dynamodb:')));
      expect(table).toEqual([
        expect.objectContaining({
          Action: ['dynamodb:GetItem', 'dynamodb:PutItem'],
          Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['DELIVERY#*'] } },
        }),
      ]);
      expect(JSON.stringify(table[0]!.Resource)).not.toContain('/index/');
      expect(resource(senderOf(name)).Properties.Environment.Variables).toMatchObject({
        WEBHOOK_NAME: name,
        TABLE_NAME: expect.anything(),
      });
    }
  });

  it('redelivers through the same queues: the deliveries function may send to each, and knows each by name and origin', () => {
    const role = 'ApideliveriesRole';
    expect(sqsStatementsOf(role)).toEqual(
      TARGETS.map(({ name }) => expect.objectContaining({ Action: 'sqs:SendMessage', Resource: { 'Fn::GetAtt': [queueOf(name), 'Arn'] } })),
    );
    const fn = Object.values(app.findResources('AWS::Lambda::Function')).find((f) => JSON.stringify(f.Properties.Role).includes(role))!;
    const targets = JSON.stringify(fn.Properties.Environment.Variables.WEBHOOK_TARGETS);
    for (const { name, url } of TARGETS) {
      expect(targets).toContain(`\\"name\\":\\"${name}\\"`);
      expect(targets).toContain(new URL(url).origin);
      expect(targets).toContain(queueOf(name));
      // Never the URL's path: it may carry a token.
      expect(targets).not.toContain(new URL(url).pathname);
    }
  });

  it('refuses plain HTTP on every webhook queue', () => {
    for (const { name } of TARGETS) {
      for (const queue of [queueOf(name), deadLettersOf(name)]) {
        app.hasResourceProperties('AWS::SQS::QueuePolicy', {
          Queues: [{ Ref: queue }],
          PolicyDocument: {
            Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
          },
        });
      }
    }
  });

  it('alarms on any dead-lettered delivery, and on deliveries waiting a quarter of an hour', () => {
    for (const { name } of TARGETS) {
      app.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [deadLettersOf(name), 'QueueName'] } }],
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
      });
      app.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'ApproximateAgeOfOldestMessage',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueOf(name), 'QueueName'] } }],
        Threshold: 900,
      });
    }
  });
});
