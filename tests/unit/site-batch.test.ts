import { describe, expect, it } from '@jest/globals';
import type { SQSRecord } from 'aws-lambda';
import type { SiteMessage } from '../../lambdas/usecases/site-ports.js';
import { FRONT_PAGE_GROUP, renderInOrder } from '../../lambdas/workers/site-batch.js';

const record = (n: number, message: SiteMessage): SQSRecord => ({
  messageId: `m${n}`,
  receiptHandle: `r${n}`,
  body: JSON.stringify(message),
  attributes: {
    ApproximateReceiveCount: '1',
    SentTimestamp: '1764097200000',
    SenderId: 'AROAEXAMPLE:renderer',
    ApproximateFirstReceiveTimestamp: '1764097200100',
    MessageGroupId: message.kind === 'front' ? FRONT_PAGE_GROUP : message.articleId,
    MessageDeduplicationId: `d${n}`,
  },
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:eu-west-1:123456789012:NewsroomSite.fifo',
  awsRegion: 'eu-west-1',
});

const article = (articleId: string, version: number): SiteMessage => ({ kind: 'article', articleId, version });
const front = (requestedAt: string): SiteMessage => ({ kind: 'front', requestedAt });

describe('a batch from the site queue', () => {
  it('renders articles in order and the front-page requests of the batch once, with the last request', async () => {
    const handled: SiteMessage[] = [];
    const batch = [
      record(1, article('a', 3)),
      record(2, front('2026-11-26T10:00:00.000Z')),
      record(3, article('b', 4)),
      record(4, front('2026-11-26T10:00:00.200Z')),
      record(5, front('2026-11-26T10:00:00.400Z')),
    ];
    const result = await renderInOrder(
      batch,
      async (m) => void handled.push(m),
      () => undefined,
    );
    expect(result.batchItemFailures).toEqual([]);
    expect(handled).toEqual([article('a', 3), article('b', 4), front('2026-11-26T10:00:00.400Z')]);
  });

  it('hands back a failed article message and that article’s later ones; other articles and the front page go on', async () => {
    const handled: SiteMessage[] = [];
    const failed: string[] = [];
    const batch = [
      record(1, article('a', 3)),
      record(2, article('b', 4)),
      record(3, article('a', 4)),
      record(4, front('2026-11-26T10:00:00.000Z')),
    ];
    const result = await renderInOrder(
      batch,
      async (m) => {
        if (m.kind === 'article' && m.articleId === 'a' && m.version === 3) throw new Error('S3 is slow today');
        handled.push(m);
      },
      (id) => failed.push(id),
    );
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'm1' }, { itemIdentifier: 'm3' }]);
    expect(failed).toEqual(['m1']);
    expect(handled).toEqual([article('b', 4), front('2026-11-26T10:00:00.000Z')]);
  });
});
