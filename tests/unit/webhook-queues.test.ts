import { createHash } from 'node:crypto';
import { SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { DomainEvent } from '../../lambdas/domain/events.js';
import type { EventType } from '../../lambdas/domain/workflow.js';
import { WebhookQueues, webhookQueueUrls } from '../../lambdas/adapters/webhook-queues.js';
import { startAwsJsonStub, type AwsJsonRequest } from '../support/aws-json-stub.js';

/**
 * A stand-in for SQS that speaks its documented JSON protocol (AWS JSON 1.0,
 * `X-Amz-Target: AmazonSQS.SendMessageBatch`) and answers with the documented
 * SendMessageBatchResult, so the real SDK serialises and checks what the adapter sends.
 */
let stub: Awaited<ReturnType<typeof startAwsJsonStub>>;
let endpoint = '';
let requests: AwsJsonRequest[] = [];
/** Entry ids to refuse in the next answers, as SQS reports a partial failure with a 200. */
let refuse = new Set<string>();

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

beforeAll(async () => {
  stub = await startAwsJsonStub('1.0', ({ body }) => {
    const entries = body.Entries as { Id: string; MessageBody: string }[];
    return {
      Successful: entries
        .filter((e) => !refuse.has(e.Id))
        .map((e, n) => ({ Id: e.Id, MessageId: `m-${e.Id}`, MD5OfMessageBody: md5(e.MessageBody), SequenceNumber: String(10 + n) })),
      Failed: entries
        .filter((e) => refuse.has(e.Id))
        .map((e) => ({ Id: e.Id, SenderFault: false, Code: 'InternalError', Message: 'try again' })),
    };
  });
  endpoint = stub.endpoint;
  requests = stub.requests;
});
afterAll(() => stub.stop());
beforeEach(() => {
  requests.length = 0;
  refuse = new Set();
});

const client = () =>
  new SQSClient({ region: 'eu-west-1', endpoint, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }, maxAttempts: 1 });
const queue = (name: string) => `${endpoint}/123456789012/${name}.fifo`;

const ARTICLE = '6f1c2f3e-8a4b-4c5d-9e6f-0a1b2c3d4e5f';
function event(version: number, type: EventType, articleId = ARTICLE): DomainEvent {
  return {
    id: `${articleId}:${version}:${type}`,
    type,
    occurredAt: '2026-11-25T19:00:00.000Z',
    articleId,
    version,
    from: 'in_review',
    to: 'published',
    actor: { id: 'carla', name: 'Carla Chief' },
    article: { headline: 'Minister resigns', authorId: 'rita', status: 'published', publishAt: null, publishedAt: null },
  };
}

describe("the dispatcher's webhook queues", () => {
  it("send an article's events to every target's queue in one ordered batch: group = article, deduplication id = event id", async () => {
    const events = [event(2, 'ArticleSubmitted'), event(3, 'ArticleApproved'), event(3, 'ArticlePublished')];
    await new WebhookQueues(client(), [queue('cms'), queue('wire')]).publish(events);

    expect(requests.map((r) => [r.target, r.body.QueueUrl])).toEqual([
      ['AmazonSQS.SendMessageBatch', queue('cms')],
      ['AmazonSQS.SendMessageBatch', queue('wire')],
    ]);
    for (const { body } of requests) {
      expect(body.Entries).toEqual(
        events.map((e, n) => ({ Id: String(n), MessageBody: JSON.stringify(e), MessageGroupId: ARTICLE, MessageDeduplicationId: e.id })),
      );
      // SQS limits both ids to 128 characters of letters, digits and punctuation.
      for (const entry of body.Entries) {
        for (const id of [entry.MessageGroupId, entry.MessageDeduplicationId]) expect(id).toMatch(/^[\x21-\x7e]{1,128}$/);
      }
    }
  });

  it('split more than ten events into batches of ten, keeping their order', async () => {
    const events = Array.from({ length: 12 }, (_, i) => event(i + 2, i % 2 ? 'ChangesRequested' : 'ArticleSubmitted'));
    await new WebhookQueues(client(), [queue('cms')]).publish(events);
    expect(requests.map((r) => r.body.Entries.length)).toEqual([10, 2]);
    expect(requests.flatMap((r) => r.body.Entries.map((e: { MessageDeduplicationId: string }) => e.MessageDeduplicationId))).toEqual(
      events.map((e) => e.id),
    );
  });

  it('fail the dispatch when SQS refuses part of a batch, naming the events and never their bodies', async () => {
    refuse = new Set(['1']);
    const events = [event(2, 'ArticleSubmitted'), event(3, 'ArticleApproved')];
    await expect(new WebhookQueues(client(), [queue('cms'), queue('wire')]).publish(events)).rejects.toThrow(
      `webhook queue refused ${ARTICLE}:3:ArticleApproved (InternalError)`,
    );
    // Nothing is sent to the next target once one refused: the dispatch is retried as a whole.
    expect(requests).toHaveLength(1);
  });

  it('send nothing when no webhook is configured', async () => {
    await new WebhookQueues(client(), webhookQueueUrls(undefined)).publish([event(2, 'ArticleSubmitted')]);
    expect(requests).toEqual([]);
  });

  it('read their queue URLs from a JSON list and refuse anything else', () => {
    const urls = ['https://sqs.eu-west-1.amazonaws.com/123456789012/cms.fifo'];
    expect(webhookQueueUrls(JSON.stringify(urls))).toEqual(urls);
    expect(webhookQueueUrls('')).toEqual([]);
    expect(() => webhookQueueUrls('"https://sqs.example"')).toThrow(/JSON list of SQS queue URLs/);
    expect(() => webhookQueueUrls('[42]')).toThrow(/JSON list of SQS queue URLs/);
  });
});
