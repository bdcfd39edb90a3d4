import { execFile } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../lambdas/domain/article.js';
import { DynamoArticleRepository } from '../../lambdas/store/article-repository.js';
import { createArticle, transitionArticle, type Deps } from '../../lambdas/usecases/articles.js';
import { bundle } from '../../bench/bundles.js';
import { startDynamo } from '../support/dynamo.js';
import { storedEtag } from '../support/etag.js';
import { startHttpStub, type StubAnswer, type StubRequest } from '../support/http-stub.js';
import { ROOT } from '../support/local-newsroom.js';

/**
 * The dispatcher as Lambda runs it (its minified bundle, plain Node), draining real outbox events
 * from dynalite and handing them to EventBridge, Scheduler and SQS, which a stub answers as their
 * API references document. It proves the wiring: with SITE_QUEUE_URL set, the site renderer's
 * FIFO queue gets what changes the site, in each article's group; without it, SQS hears nothing.
 */
let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let aws: Awaited<ReturnType<typeof startHttpStub>>;
let dispatcher: string;
let deps: Deps;

const md5 = (s: string) => createHash('md5').update(s).digest('hex');
const reporter: Actor = { id: 'rita', name: 'Rita Reporter', groups: ['reporters'] };
const chief: Actor = { id: 'carla', name: 'Carla Chief', groups: ['chief-editors'] };

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-dispatcher-site');
  deps = { articles: new DynamoArticleRepository(dynamo.db, dynamo.tableName), now: () => new Date(), newId: randomUUID };
  aws = await startHttpStub((req): StubAnswer => {
    const target = String(req.headers['x-amz-target'] ?? '');
    const body = req.body ? JSON.parse(req.body) : {};
    if (target === 'AWSEvents.PutEvents') {
      return json('1.1', { FailedEntryCount: 0, Entries: body.Entries.map((_: unknown, i: number) => ({ EventId: `e-${i}` })) });
    }
    if (target === 'AmazonSQS.SendMessageBatch') {
      return json('1.0', {
        Successful: body.Entries.map((e: { Id: string; MessageBody: string }, n: number) => ({
          Id: e.Id,
          MessageId: `m-${e.Id}`,
          MD5OfMessageBody: md5(e.MessageBody),
          SequenceNumber: String(10 + n),
        })),
        Failed: [],
      });
    }
    // EventBridge Scheduler (REST JSON): DeleteSchedule of a schedule that was never made.
    return {
      status: 404,
      headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'ResourceNotFoundException' },
      body: JSON.stringify({ Message: 'Schedule not found.' }),
    };
  });
  dispatcher = join(mkdtempSync(join(tmpdir(), 'dispatcher-bundle-')), 'index.mjs');
  await bundle(join(ROOT, 'lambdas/workers/dispatcher.ts'), dispatcher);
}, 60_000);
afterAll(async () => {
  await aws.stop();
  await dynamo.stop();
});

const json = (version: '1.0' | '1.1', body: unknown): StubAnswer => ({
  status: 200,
  headers: { 'content-type': `application/x-amz-json-${version}` },
  body: JSON.stringify(body),
});

/** Runs one sweep of the bundled dispatcher, as the one-minute schedule does. */
function sweep(env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [join(ROOT, 'tests/support/invoke-bundle.mjs'), dispatcher],
      {
        timeout: 30_000,
        env: {
          PATH: process.env.PATH,
          AWS_REGION: 'us-east-1',
          AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
          AWS_SECRET_ACCESS_KEY: 'secret',
          AWS_ENDPOINT_URL: aws.endpoint,
          AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
          AWS_MAX_ATTEMPTS: '1',
          TABLE_NAME: dynamo.tableName,
          EVENT_BUS_NAME: 'newsroom',
          SCHEDULE_GROUP_NAME: 'newsroom',
          PUBLISHER_ARN: 'arn:aws:lambda:us-east-1:123456789012:function:publisher',
          SCHEDULER_ROLE_ARN: 'arn:aws:iam::123456789012:role/scheduler',
          SCHEDULE_DLQ_ARN: 'arn:aws:sqs:us-east-1:123456789012:dead-letters',
          POWERTOOLS_LOG_LEVEL: 'ERROR',
          POWERTOOLS_METRICS_DISABLED: 'true',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          ...env,
        },
      },
      (err, _stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve()),
    );
    child.stdin!.end(JSON.stringify({ 'detail-type': 'Scheduled Event', source: 'aws.events', detail: {} }));
  });
}

async function published(): Promise<string> {
  const a = await createArticle(deps, reporter, () => ({ headline: 'Border talks resume', body: 'Delegations meet again.' }));
  await transitionArticle(deps, reporter, a.id, 'submit', () => ({}), undefined);
  await transitionArticle(deps, chief, a.id, 'approve', () => ({}), await storedEtag(deps.articles, a.id));
  return a.id;
}

const sqsSends = (requests: StubRequest[]) =>
  requests.filter((r) => r.headers['x-amz-target'] === 'AmazonSQS.SendMessageBatch').map((r) => JSON.parse(r.body));

describe('the dispatcher in AWS, with the site queue', () => {
  it('sends a publication to the site queue in the article’s group, deduplicated by event id, and nothing else of its events', async () => {
    aws.requests.length = 0;
    const id = await published();
    // The SQS client sends to the queue URL's own host.
    const queueUrl = `${aws.endpoint}/123456789012/NewsroomSite.fifo`;
    await sweep({ SITE_QUEUE_URL: queueUrl });

    const article = await deps.articles.get(id);
    const sends = sqsSends(aws.requests);
    expect(sends).toEqual([
      {
        QueueUrl: queueUrl,
        Entries: [
          {
            Id: '0',
            MessageBody: JSON.stringify({ kind: 'article', articleId: id, version: article!.version }),
            MessageGroupId: id,
            MessageDeduplicationId: `${id}:${article!.version}:ArticlePublished`,
          },
        ],
      },
    ]);
    // The bus still hears every event.
    const bus = aws.requests.filter((r) => r.headers['x-amz-target'] === 'AWSEvents.PutEvents').flatMap((r) => JSON.parse(r.body).Entries);
    expect(bus.map((e: { DetailType: string }) => e.DetailType)).toEqual(
      expect.arrayContaining(['ArticleCreated', 'ArticleSubmitted', 'ArticleApproved', 'ArticlePublished']),
    );
  }, 60_000);

  it('sends nothing to SQS without a site queue (and no webhooks)', async () => {
    aws.requests.length = 0;
    await published();
    await sweep({});
    expect(sqsSends(aws.requests)).toEqual([]);
    expect(aws.requests.some((r) => r.headers['x-amz-target'] === 'AWSEvents.PutEvents')).toBe(true);
  }, 60_000);
});
