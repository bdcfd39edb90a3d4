import { randomBytes, createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { DomainEvent } from '../../lambdas/domain/events.js';
import type { EventType } from '../../lambdas/domain/workflow.js';
import { WebhookPublisher } from '../../lambdas/adapters/webhook-publisher.js';
import { deliverInOrder } from '../../lambdas/workers/webhook-batch.js';
import { DynamoDeliveryLog } from '../../lambdas/store/delivery-log.js';
import { startAwsJsonStub } from '../support/aws-json-stub.js';
import { startDynamo } from '../support/dynamo.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

const SECRET = `whsec_${randomBytes(32).toString('base64')}`;
let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await new WebhookReceiver(SECRET).start();
});
afterAll(() => receiver.stop());

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
function event(articleId: string, version: number, type: EventType): DomainEvent {
  return {
    id: `${articleId}:${version}:${type}`,
    type,
    occurredAt: new Date().toISOString(),
    articleId,
    version,
    from: 'draft',
    to: 'in_review',
    actor: { id: 'rita', name: 'Rita Reporter' },
    article: { headline: 'Filed', authorId: 'rita', status: 'in_review', publishAt: null, publishedAt: null },
  };
}

/** A record as Lambda's SQS event source hands it over from a FIFO queue (Lambda's documented event shape). */
function record(e: DomainEvent, n: number, receiveCount = 1): SQSRecord {
  const body = JSON.stringify(e);
  return {
    messageId: `059f36b4-87a3-44ab-83d2-66${String(n).padStart(10, '0')}`,
    receiptHandle: `AQEB${n}`,
    body,
    attributes: {
      ApproximateReceiveCount: String(receiveCount),
      SentTimestamp: '1764097200000',
      SequenceNumber: `1863${n}`,
      MessageGroupId: e.articleId,
      SenderId: 'AROAEXAMPLE:dispatcher',
      MessageDeduplicationId: e.id,
      ApproximateFirstReceiveTimestamp: '1764097200100',
    },
    messageAttributes: {},
    md5OfBody: createHash('md5').update(body).digest('hex'),
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:eu-west-1:123456789012:NewsroomApp-EventsWebhookcmsQueue.fifo',
    awsRegion: 'eu-west-1',
  };
}

describe('the webhook sender, reading a FIFO queue', () => {
  it('delivers a batch in order, signed, and reports no failure', async () => {
    const events = [event(A, 2, 'ArticleSubmitted'), event(B, 2, 'ArticleSubmitted'), event(A, 3, 'ChangesRequested')];
    const failures: string[] = [];
    const result = await deliverInOrder(
      events.map((e, n) => record(e, n)),
      new WebhookPublisher([receiver.url], SECRET),
      (e) => failures.push(e.id),
    );
    expect(result).toEqual({ batchItemFailures: [] });
    expect(failures).toEqual([]);
    expect(receiver.received.slice(-3).map((r) => r.id)).toEqual(events.map((e) => e.id));
    expect(receiver.received.slice(-3).every((r) => r.signatureValid)).toBe(true);
  });

  it("stops an article at its first failure and hands back that event and the article's later ones; other articles go on", async () => {
    const events = [
      event(A, 4, 'ArticleSubmitted'),
      event(A, 5, 'ArticleApproved'),
      event(B, 3, 'ArticleWithdrawn'),
      event(A, 5, 'ArticlePublished'),
    ];
    const records = events.map((e, n) => record(e, n + 10, 7));
    receiver.answerFor = (e) => (e.id === events[1]!.id ? 503 : 204);
    const before = receiver.received.length;
    const failures: [string, number][] = [];
    const result = await deliverInOrder(records, new WebhookPublisher([receiver.url], SECRET), (e, receiveCount) =>
      failures.push([e.id, receiveCount]),
    );
    receiver.answerFor = undefined;
    expect(result.batchItemFailures).toEqual([records[1], records[3]].map((r) => ({ itemIdentifier: r!.messageId })));
    expect(receiver.received.slice(before).map((r) => r.id)).toEqual([events[0]!.id, events[2]!.id]);
    expect(failures).toEqual([[events[1]!.id, 7]]);
  });

  it('hands back the whole batch when the receiver is down', async () => {
    const down = await new WebhookReceiver(SECRET).start();
    await down.stop();
    const records = [record(event(A, 6, 'ArticleSubmitted'), 20), record(event(B, 4, 'ArticleSubmitted'), 21)];
    const result = await deliverInOrder(records, new WebhookPublisher([down.url], SECRET), () => {});
    expect(result.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(records.map((r) => r.messageId));
  });
});

describe('the sender function', () => {
  it('reads its signing secret once, posts the batch signed with it, records each attempt in the delivery log, and reports no failure', async () => {
    const dynamo = await startDynamo('newsroom-webhook-sender');
    // Secrets Manager's JSON protocol (X-Amz-Target: secretsmanager.GetSecretValue), answering as documented.
    const secretsManager = await startAwsJsonStub('1.1', ({ body }) => ({
      ARN: `arn:aws:secretsmanager:eu-west-1:123456789012:secret:${body.SecretId}-AbCdEf`,
      Name: body.SecretId,
      SecretString: SECRET,
      VersionId: 'EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE',
      VersionStages: ['AWSCURRENT'],
      CreatedDate: 1764097200,
    }));
    Object.assign(process.env, {
      WEBHOOK_URL: receiver.url,
      WEBHOOK_SECRET_NAME: 'newsroom/cms-webhook',
      WEBHOOK_NAME: 'cms',
      TABLE_NAME: dynamo.tableName,
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsManager.endpoint,
      POWERTOOLS_LOG_LEVEL: 'ERROR',
    });
    try {
      const { handler } = (await import('../../lambdas/workers/webhook-sender.js')) as {
        handler: (e: SQSEvent) => Promise<SQSBatchResponse>;
      };
      const first = [event(A, 7, 'ArticleSubmitted'), event(A, 8, 'ArticleWithdrawn')];
      const second = [event(B, 5, 'ArticleSubmitted')];
      expect(await handler({ Records: first.map((e, n) => record(e, 30 + n)) })).toEqual({ batchItemFailures: [] });
      expect(await handler({ Records: second.map((e, n) => record(e, 40 + n)) })).toEqual({ batchItemFailures: [] });
      const got = receiver.received.slice(-3);
      expect(got.map((r) => r.id)).toEqual([...first, ...second].map((e) => e.id));
      expect(got.every((r) => r.signatureValid)).toBe(true);
      expect(secretsManager.requests.map((r) => `${r.target} ${r.body.SecretId}`)).toEqual([
        'secretsmanager.GetSecretValue newsroom/cms-webhook',
      ]);
      // The target is named as in the `webhooks` setting, and shown by its origin only.
      const log = new DynamoDeliveryLog(dynamo.db, dynamo.tableName);
      for (const e of [...first, ...second]) {
        const [d] = await log.ofEvent(e.id, new Date());
        expect(d).toMatchObject({
          status: 'delivered',
          attempts: 1,
          target: { id: 'cms', origin: new URL(receiver.url).origin },
          lastAttempt: { attempt: 1, statusCode: 204 },
          event: e,
        });
      }
    } finally {
      await secretsManager.stop();
      await dynamo.stop();
    }
  });
});
