import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DynamoDBClient, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Actor } from '../../lambdas/domain/article.js';
import { DynamoArticleRepository } from '../../lambdas/store/article-repository.js';
import { keys } from '../../lambdas/store/keys.js';
import { DynamoOutbox } from '../../lambdas/store/outbox-store.js';
import { createArticle, transitionArticle, type Deps } from '../../lambdas/usecases/articles.js';
import type { OutboxEntry } from '../../lambdas/usecases/ports.js';
import { ensureTable, LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/storage.js';
import { startDynamo } from '../support/dynamo.js';
import { submission } from '../support/delivery-events.js';

const reporter: Actor = { id: 'rita', name: 'Rita', groups: ['reporters'] };

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let db: DynamoDBDocumentClient;
/** Runs before each request the outbox under test sends, with its operation; the nth of that operation from 1. */
let before: ((command: string, nth: number) => Promise<void>) | undefined;
const counts = new Map<string, number>();

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-outbox-writes');
  db = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  db.middlewareStack.add(
    (next, context) => async (args) => {
      const command = String(context.commandName);
      counts.set(command, (counts.get(command) ?? 0) + 1);
      await before?.(command, counts.get(command)!);
      return next(args);
    },
    { step: 'initialize', name: 'beforeRequest' },
  );
});
afterAll(async () => {
  db.destroy();
  await dynamo.stop();
});

/** A table of its own, the outbox under test on it, and the newsroom's use cases writing articles to it. */
async function fresh() {
  const table = `outbox-${randomUUID()}`;
  await ensureTable(dynamo.endpoint, table);
  before = undefined;
  counts.clear();
  let clock = Date.parse('2026-11-20T10:00:00.000Z');
  const deps: Deps = {
    articles: new DynamoArticleRepository(dynamo.db, table),
    now: () => new Date((clock += 1000)),
    newId: randomUUID,
  };
  return { table, deps, outbox: new DynamoOutbox(db, table), plain: new DynamoOutbox(dynamo.db, table) };
}

const throttled = () =>
  new ProvisionedThroughputExceededException({ message: 'Rate of requests exceeds the allowed throughput.', $metadata: {} });

const draft = (deps: Deps, headline: string) => createArticle(deps, reporter, () => ({ headline, body: 'Copy.' }));

describe('the articles with pending events', () => {
  it('are every article whose outbox holds an event, oldest first, and no other', async () => {
    const { deps, outbox, plain } = await fresh();
    const a = await draft(deps, 'First');
    const b = await draft(deps, 'Second');
    const c = await draft(deps, 'Third');
    await plain.acknowledge(b.id, await plain.pendingEvents(b.id));
    expect(await outbox.everyArticleWithPendingEvents()).toEqual([a.id, c.id]);
    expect(await outbox.articlesWithPendingEvents(1)).toEqual([a.id]);
  });
});

describe('acknowledging delivered events', () => {
  it('as the whole outbox is refused when the outbox holds as many events but not those', async () => {
    const { deps, outbox, plain } = await fresh();
    const a = await draft(deps, 'Raced');
    await plain.acknowledge(a.id, await plain.pendingEvents(a.id));
    await transitionArticle(deps, reporter, a.id, 'submit', () => ({}), undefined);
    const read = await plain.pendingEvents(a.id);
    // Another dispatcher delivers ArticleSubmitted, and the article is withdrawn: one event again, another one.
    await plain.acknowledge(a.id, read);
    await transitionArticle(deps, reporter, a.id, 'withdraw', () => ({}), undefined);

    expect(await outbox.acknowledgeAll(a.id, read)).toBe(false);
    expect((await plain.pendingEvents(a.id)).map((e) => e.type)).toEqual(['ArticleWithdrawn']);
    expect(await plain.everyArticleWithPendingEvents()).toEqual([a.id]);
  });

  it('fails with DynamoDB’s error, not as a refusal, when the write fails otherwise', async () => {
    const { deps, outbox, plain } = await fresh();
    const a = await draft(deps, 'Throttled');
    const read = await plain.pendingEvents(a.id);
    before = async (command) => {
      if (command === 'UpdateItemCommand') throw throttled();
    };
    await expect(outbox.acknowledgeAll(a.id, read)).rejects.toBeInstanceOf(ProvisionedThroughputExceededException);
    await expect(outbox.acknowledge(a.id, read)).rejects.toBeInstanceOf(ProvisionedThroughputExceededException);
    // The events were removed, but taking the article off the pending index failed.
    before = async (command, nth) => {
      if (command === 'UpdateItemCommand' && nth === 4) throw throttled();
    };
    await expect(outbox.acknowledge(a.id, read)).rejects.toBeInstanceOf(ProvisionedThroughputExceededException);
    expect(await plain.pendingEvents(a.id)).toEqual([]);
    expect(await plain.everyArticleWithPendingEvents()).toEqual([a.id]);
  });
});

describe('history items', () => {
  it('are written for any number of events, 25 to a batch', async () => {
    const { table, outbox } = await fresh();
    const articleId = randomUUID();
    const entries = Array.from({ length: 60 }, (_, i): OutboxEntry => ({
      ...submission(articleId, i + 1, new Date(Date.parse('2026-11-20T10:00:00.000Z') + i * 1000)),
      seq: 0,
    }));
    await outbox.recordHistories(entries);
    expect(counts.get('BatchWriteItemCommand')).toBe(3);
    const { Items = [] } = await dynamo.db.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :event)',
        ExpressionAttributeValues: { ':pk': keys.article(articleId).PK, ':event': keys.historyPrefix },
      }),
    );
    expect(Items.map((i) => i.version)).toEqual(entries.map((e) => e.version));
  });

  it('fails with DynamoDB’s error when one cannot be written', async () => {
    const { outbox } = await fresh();
    const articleId = randomUUID();
    before = async (command) => {
      if (command === 'PutItemCommand') throw throttled();
    };
    await expect(
      outbox.recordHistory({
        id: `${articleId}:1:ArticleCreated`,
        type: 'ArticleCreated',
        occurredAt: '2026-11-20T10:00:00.000Z',
        articleId,
        version: 1,
        actor: { id: 'rita', name: 'Rita' },
        article: { headline: 'H', authorId: 'rita', status: 'draft', publishAt: null, publishedAt: null },
        seq: 0,
      } as OutboxEntry),
    ).rejects.toBeInstanceOf(ProvisionedThroughputExceededException);
  });
});
