import { createHash } from 'node:crypto';
import { SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { DomainEvent } from '../../lambdas/domain/events.js';
import { SiteQueue } from '../../lambdas/adapters/sqs-site-queue.js';
import { WebhookQueues, webhookQueueUrls } from '../../lambdas/adapters/webhook-queues.js';
import { targetQueues } from '../../lambdas/adapters/queue-redelivery.js';
import { startAwsJsonStub } from '../support/aws-json-stub.js';

/**
 * SQS at the HTTP level (AWS JSON 1.0). Over this protocol SQS leaves `Failed` out of a
 * SendMessageBatch answer when nothing failed (aws/aws-sdk#657), although the API reference calls
 * it required; entries whose Id is in `refuse` come back in `Failed`, with a 200.
 */
let stub: Awaited<ReturnType<typeof startAwsJsonStub>>;
let refuse = new Set<string>();
const md5 = (s: string) => createHash('md5').update(s).digest('hex');

beforeAll(async () => {
  stub = await startAwsJsonStub('1.0', ({ body }) => {
    const entries = body.Entries as { Id: string; MessageBody: string }[];
    const failed = entries.filter((e) => refuse.has(e.Id));
    return {
      Successful: entries
        .filter((e) => !refuse.has(e.Id))
        .map((e, n) => ({ Id: e.Id, MessageId: `m-${e.Id}`, MD5OfMessageBody: md5(e.MessageBody), SequenceNumber: String(10 + n) })),
      ...(failed.length
        ? { Failed: failed.map((e) => ({ Id: e.Id, SenderFault: false, Code: 'InternalError', Message: 'try again' })) }
        : {}),
    };
  });
});
afterAll(() => stub.stop());
beforeEach(() => {
  stub.requests.length = 0;
  refuse = new Set();
});

const client = () =>
  new SQSClient({
    region: 'eu-west-1',
    endpoint: stub.endpoint,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    maxAttempts: 1,
  });
const queueUrl = (name: string) => `${stub.endpoint}/123456789012/${name}.fifo`;

const ARTICLE = '6f1c2f3e-8a4b-4c5d-9e6f-0a1b2c3d4e5f';
const published = (version: number): DomainEvent => ({
  id: `${ARTICLE}:${version}:ArticlePublished`,
  type: 'ArticlePublished',
  occurredAt: '2026-11-25T19:00:00.000Z',
  articleId: ARTICLE,
  version,
  from: 'scheduled',
  to: 'published',
  actor: { id: 'carla', name: 'Carla Chief' },
  article: {
    headline: 'Minister resigns',
    authorId: 'rita',
    status: 'published',
    publishAt: null,
    publishedAt: '2026-11-25T19:00:00.000Z',
  },
});
const events = (count: number) => Array.from({ length: count }, (_, i) => published(i + 2));
const entryCounts = () => stub.requests.map((r) => (r.body.Entries as unknown[]).length);

describe('webhook queues', () => {
  it('accept a batch whose answer has no Failed list', async () => {
    await expect(new WebhookQueues(client(), [queueUrl('hooks')]).publish(events(3))).resolves.toBeUndefined();
  });

  it('send exactly ten events as one batch, and nothing at all for no events', async () => {
    const queues = new WebhookQueues(client(), [queueUrl('hooks')]);
    await queues.publish(events(10));
    expect(entryCounts()).toEqual([10]);
    await queues.publish([]);
    expect(entryCounts()).toEqual([10]);
  });

  it('name every refused event, separated by commas', async () => {
    refuse = new Set(['0', '2']);
    await expect(new WebhookQueues(client(), [queueUrl('hooks')]).publish(events(3))).rejects.toThrow(
      `webhook queue refused ${ARTICLE}:2:ArticlePublished (InternalError), ${ARTICLE}:4:ArticlePublished (InternalError)`,
    );
  });
});

describe('the site queue', () => {
  it('accepts a batch whose answer has no Failed list', async () => {
    await expect(new SiteQueue(client(), queueUrl('site')).publish(events(3))).resolves.toBeUndefined();
  });

  it('names every refused event, separated by commas', async () => {
    refuse = new Set(['0', '1']);
    await expect(new SiteQueue(client(), queueUrl('site')).publish(events(2))).rejects.toThrow(
      `site queue refused ${ARTICLE}:2:ArticlePublished (InternalError), ${ARTICLE}:3:ArticlePublished (InternalError)`,
    );
  });
});

describe('queue URLs from the environment', () => {
  const sqs = 'https://sqs.eu-west-1.amazonaws.com/123456789012/newsroom-hooks.fifo';

  it('WEBHOOK_QUEUE_URLS takes only a list of https URLs, every one of them', () => {
    expect(webhookQueueUrls(JSON.stringify([sqs]))).toEqual([sqs]);
    for (const bad of [[sqs, 'http://sqs.eu-west-1.amazonaws.com/1/q.fifo'], ['queue-name'], ['x-https://sqs.example/q'], [[sqs]]]) {
      expect(() => webhookQueueUrls(JSON.stringify(bad))).toThrow('WEBHOOK_QUEUE_URLS must be a JSON list of SQS queue URLs');
    }
  });

  it('WEBHOOK_TARGETS takes only entries with a name, an origin and an https queue URL', () => {
    const good = { name: 'cms', origin: 'https://cms.example.com', queueUrl: sqs };
    expect(targetQueues(JSON.stringify([good]))).toEqual([good]);
    for (const bad of [[good, null], [{ ...good, name: 7 }], [{ ...good, queueUrl: [sqs] }], [{ ...good, queueUrl: `x-${sqs}` }]]) {
      expect(() => targetQueues(JSON.stringify(bad))).toThrow('WEBHOOK_TARGETS must be a JSON list of { name, origin, queueUrl }');
    }
  });
});
