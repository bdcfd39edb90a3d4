import { createHash } from 'node:crypto';
import { SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DomainEvent } from '../../lambdas/domain/events.js';
import { QueueRedelivery, targetQueues } from '../../lambdas/adapters/queue-redelivery.js';
import { startAwsJsonStub } from '../support/aws-json-stub.js';

/**
 * SQS as documented (AWS JSON 1.0, `AmazonSQS.SendMessage`, answering MessageId, MD5OfMessageBody
 * and, for FIFO queues, SequenceNumber), so the real SDK serialises what redelivery sends.
 */
let stub: Awaited<ReturnType<typeof startAwsJsonStub>>;
beforeAll(async () => {
  stub = await startAwsJsonStub('1.0', ({ body }) => ({
    MessageId: 'm-1',
    MD5OfMessageBody: createHash('md5')
      .update(body.MessageBody as string)
      .digest('hex'),
    SequenceNumber: '18849496460467696128',
  }));
});
afterAll(() => stub.stop());

const ARTICLE = '6f1c2f3e-8a4b-4c5d-9e6f-0a1b2c3d4e5f';
const MEDIA = '0a1b2c3d-4e5f-4a5b-8c7d-6e5f4a3b2c1d';
const event = (id: string): DomainEvent => ({
  id,
  type: 'MediaRejected',
  occurredAt: '2026-11-25T10:00:00.000Z',
  articleId: ARTICLE,
  version: 4,
  from: 'draft',
  to: 'draft',
  actor: { id: 'v', name: 'Verifier' },
  article: { headline: 'H', authorId: 'rita', status: 'draft', publishAt: null, publishedAt: null },
});

describe('redelivery through the webhook queues', () => {
  it("puts the event back in each of its targets' FIFO queues, in its article's group, under a deduplication id of its own", async () => {
    const client = new SQSClient({
      region: 'eu-west-1',
      endpoint: stub.endpoint,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
      maxAttempts: 1,
    });
    const queues = targetQueues(
      JSON.stringify([
        { name: 'cms', origin: 'https://cms.example.com', queueUrl: `${stub.endpoint}/123456789012/cms.fifo`.replace('http:', 'https:') },
        { name: 'wire', origin: 'https://wire.example.org', queueUrl: `https://sqs.eu-west-1.amazonaws.com/123456789012/wire.fifo` },
      ]),
    ).map((q) => ({ ...q, queueUrl: q.queueUrl.replace(/^https:\/\/[^/]+/, stub.endpoint) }));
    const redelivery = new QueueRedelivery(client, queues);
    // The longest event id there is: a media event's.
    const e = event(`${ARTICLE}:media:${MEDIA}:MediaRejected`);
    const targets = [
      { id: 'cms', origin: 'https://cms.example.com' },
      { id: 'gone', origin: 'https://old.example.net' },
      { id: 'wire', origin: 'https://wire.example.org' },
    ];
    expect(await redelivery.redeliver(e, targets)).toEqual([targets[0], targets[2]]);
    expect(await redelivery.redeliver(e, targets.slice(0, 1))).toEqual([targets[0]]);

    const sent = stub.requests.map((r) => ({ target: r.target, ...r.body }));
    expect(sent.map((s) => [s.target, s.QueueUrl])).toEqual([
      ['AmazonSQS.SendMessage', `${stub.endpoint}/123456789012/cms.fifo`],
      ['AmazonSQS.SendMessage', `${stub.endpoint}/123456789012/wire.fifo`],
      ['AmazonSQS.SendMessage', `${stub.endpoint}/123456789012/cms.fifo`],
    ]);
    const dedup = sent.map((s) => s.MessageDeduplicationId as string);
    for (const s of sent) {
      // The sender posts the body as it is: the receiver sees the same event, and the same webhook-id.
      expect(JSON.parse(s.MessageBody)).toEqual(e);
      expect(s.MessageGroupId).toBe(ARTICLE);
      // SQS: at most 128 characters of a-z A-Z 0-9 and punctuation; never the event id, which SQS
      // remembers for five minutes from the original message and would drop this one for.
      expect(s.MessageDeduplicationId).toMatch(/^[A-Za-z0-9!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]{1,128}$/);
      expect(s.MessageDeduplicationId).not.toBe(e.id);
    }
    expect(new Set(dedup).size).toBe(3);
  });

  it('reads its targets from WEBHOOK_TARGETS, and refuses a malformed list', () => {
    expect(targetQueues(undefined)).toEqual([]);
    expect(targetQueues('[]')).toEqual([]);
    expect(() => targetQueues('[{"name":"cms","queueUrl":"https://q"}]')).toThrow(/WEBHOOK_TARGETS/);
    expect(() => targetQueues('{"name":"cms"}')).toThrow(/WEBHOOK_TARGETS/);
  });
});
