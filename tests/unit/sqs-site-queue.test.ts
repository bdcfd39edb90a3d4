import { createHash } from 'node:crypto';
import { SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { DomainEvent } from '../../lambdas/domain/events.js';
import type { EventType } from '../../lambdas/domain/workflow.js';
import { FRONT_PAGE_GROUP, SiteQueue } from '../../lambdas/adapters/sqs-site-queue.js';
import { FRONT_PAGE_GROUP as RENDERER_FRONT_PAGE_GROUP } from '../../lambdas/workers/site-batch.js';
import { SITE_EVENT_TYPES } from '../../lambdas/usecases/site-ports.js';
import { startAwsJsonStub, type AwsJsonRequest } from '../support/aws-json-stub.js';

/** SQS over its JSON protocol (AWS JSON 1.0), answering SendMessageBatch as documented. */
let stub: Awaited<ReturnType<typeof startAwsJsonStub>>;
let requests: AwsJsonRequest[];
let refuse = new Set<string>();
const md5 = (s: string) => createHash('md5').update(s).digest('hex');

beforeAll(async () => {
  stub = await startAwsJsonStub('1.0', ({ body }) => {
    const entries = body.Entries as { Id: string; MessageBody: string }[];
    return {
      Successful: entries
        .filter((e) => !refuse.has(e.Id))
        .map((e, n) => ({ Id: e.Id, MessageId: `m-${e.Id}`, MD5OfMessageBody: md5(e.MessageBody), SequenceNumber: String(10 + n) })),
      Failed: entries.filter((e) => refuse.has(e.Id)).map((e) => ({ Id: e.Id, SenderFault: false, Code: 'InternalError', Message: 'x' })),
    };
  });
  requests = stub.requests;
});
afterAll(() => stub.stop());
beforeEach(() => {
  requests.length = 0;
  refuse = new Set();
});

const queueUrl = () => `${stub.endpoint}/123456789012/newsroom-site.fifo`;
const queue = () =>
  new SiteQueue(
    new SQSClient({
      region: 'eu-west-1',
      endpoint: stub.endpoint,
      maxAttempts: 1,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 's' },
    }),
    queueUrl(),
  );

const A = '6f1c2f3e-8a4b-4c5d-9e6f-0a1b2c3d4e5f';
const B = '0b7e1d2c-3a4f-4e5d-8c6b-7a8f9e0d1c2b';
function event(articleId: string, version: number, type: EventType): DomainEvent {
  return {
    id: `${articleId}:${version}:${type}`,
    type,
    occurredAt: '2026-11-25T19:00:00.000Z',
    articleId,
    version,
    from: 'scheduled',
    to: 'published',
    actor: { id: 'carla', name: 'Carla Chief' },
    article: { headline: 'Minister resigns', authorId: 'rita', status: 'published', publishAt: null, publishedAt: null },
  };
}

describe("the site renderer's queue", () => {
  it('carries only the events that change what readers see, each in its article’s group, deduplicated by event id', async () => {
    await queue().publish([
      event(A, 2, 'ArticleSubmitted'),
      event(A, 3, 'ArticleApproved'),
      event(A, 3, 'ArticlePublished'),
      event(B, 5, 'ArticleKilled'),
      event(A, 4, 'ArticleCorrected'),
      event(A, 4, 'CommentAdded'),
    ]);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.target).toBe('AmazonSQS.SendMessageBatch');
    expect(requests[0]!.body.QueueUrl).toBe(queueUrl());
    expect(requests[0]!.body.Entries).toEqual([
      {
        Id: '0',
        MessageBody: JSON.stringify({ kind: 'article', articleId: A, version: 3 }),
        MessageGroupId: A,
        MessageDeduplicationId: `${A}:3:ArticlePublished`,
      },
      {
        Id: '1',
        MessageBody: JSON.stringify({ kind: 'article', articleId: B, version: 5 }),
        MessageGroupId: B,
        MessageDeduplicationId: `${B}:5:ArticleKilled`,
      },
      {
        Id: '2',
        MessageBody: JSON.stringify({ kind: 'article', articleId: A, version: 4 }),
        MessageGroupId: A,
        MessageDeduplicationId: `${A}:4:ArticleCorrected`,
      },
    ]);
  });

  it('hears every site event type, and sends nothing for a batch without one', async () => {
    await queue().publish(SITE_EVENT_TYPES.map((type, i) => event(A, i + 2, type)));
    expect(requests[0]!.body.Entries.map((e: { MessageDeduplicationId: string }) => e.MessageDeduplicationId.split(':')[2])).toEqual([
      ...SITE_EVENT_TYPES,
    ]);
    requests.length = 0;
    await queue().publish([event(A, 2, 'ArticleSubmitted')]);
    expect(requests).toEqual([]);
  });

  it('sends more than ten events in batches of ten, keeping their order', async () => {
    const events = Array.from({ length: 13 }, (_, i) => event(A, i + 2, 'ArticleCorrected'));
    await queue().publish(events);
    expect(requests.map((r) => r.body.Entries.length)).toEqual([10, 3]);
    expect(requests.flatMap((r) => r.body.Entries.map((e: { MessageDeduplicationId: string }) => e.MessageDeduplicationId))).toEqual(
      events.map((e) => e.id),
    );
  });

  it('asks for a front-page render in the group front-page, deduplicated by the time asked', async () => {
    await queue().request('2026-11-25T19:00:01.250Z');
    expect(requests[0]!.body.Entries).toEqual([
      {
        Id: '0',
        MessageBody: JSON.stringify({ kind: 'front', requestedAt: '2026-11-25T19:00:01.250Z' }),
        MessageGroupId: 'front-page',
        MessageDeduplicationId: 'front:2026-11-25T19:00:01.250Z',
      },
    ]);
    // The renderer batches front-page requests by the same group.
    expect(FRONT_PAGE_GROUP).toBe(RENDERER_FRONT_PAGE_GROUP);
    // SQS takes 1–128 characters of letters, digits and punctuation for both ids.
    for (const id of [requests[0]!.body.Entries[0].MessageGroupId, requests[0]!.body.Entries[0].MessageDeduplicationId]) {
      expect(id).toMatch(/^[\x21-\x7e]{1,128}$/);
    }
  });

  it('fails when SQS refuses part of a batch, so the dispatch is retried', async () => {
    refuse = new Set(['1']);
    await expect(queue().publish([event(A, 3, 'ArticlePublished'), event(A, 4, 'ArticleCorrected')])).rejects.toThrow(
      `site queue refused ${A}:4:ArticleCorrected (InternalError)`,
    );
  });
});
