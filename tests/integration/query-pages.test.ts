import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Actor } from '../../lambdas/domain/article.js';
import { DynamoArticleRepository } from '../../lambdas/store/article-repository.js';
import { DynamoDeliveryLog } from '../../lambdas/store/delivery-log.js';
import { DynamoOutbox } from '../../lambdas/store/outbox-store.js';
import { createArticle } from '../../lambdas/usecases/articles.js';
import { ensureTable, LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/storage.js';
import { startDynamo } from '../support/dynamo.js';
import { submission } from '../support/delivery-events.js';

/**
 * DynamoDB hands out a Query's results a page at a time (at most 1 MB each, Developer Guide,
 * "Paginating table query results") with a LastEvaluatedKey while more remain. The newsroom's
 * test data never fills a megabyte, so here every Query that sets no Limit of its own is given
 * one of 2: a reader that stops after its first page misses records.
 */
let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let db: DynamoDBDocumentClient;

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-query-pages');
  db = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  db.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { Limit?: number };
      if (context.commandName === 'QueryCommand' && input.Limit === undefined) input.Limit = 2;
      return next(args);
    },
    { step: 'initialize', name: 'smallPages' },
  );
});
afterAll(async () => {
  db.destroy();
  await dynamo.stop();
});

async function freshTable() {
  const name = `pages-${randomUUID()}`;
  await ensureTable(dynamo.endpoint, name);
  return name;
}

const DAY = 24 * 3600 * 1000;
const T0 = Date.parse('2026-11-20T10:00:00.000Z');
const targets = ['1', '2', '3', '4', '5'].map((id) => ({ id, origin: `https://hook-${id}.example.com` }));

const event = (articleId: string, version: number) => submission(articleId, version, new Date(T0 - 60_000 + version));

describe('readers that go through every page', () => {
  it('an event’s records, one per target', async () => {
    const log = new DynamoDeliveryLog(db, await freshTable());
    const articleId = `art-${randomUUID()}`;
    const e = event(articleId, 2);
    await log.pending([e, event(articleId, 3)], targets, new Date(T0));
    expect((await log.ofEvent(e.id, new Date(T0))).map((d) => d.target.id).sort()).toEqual(['1', '2', '3', '4', '5']);
  });

  it('the sweep of expired delivery records', async () => {
    const log = new DynamoDeliveryLog(db, await freshTable());
    await log.pending([event(`art-${randomUUID()}`, 2)], targets, new Date(T0));
    expect(await log.sweepExpired(new Date(T0 + 8 * DAY))).toBe(5);
  });

  it('every article with pending events', async () => {
    const table = await freshTable();
    const reporter: Actor = { id: 'rita', name: 'Rita', groups: ['reporters'] };
    let clock = T0;
    const deps = { articles: new DynamoArticleRepository(dynamo.db, table), now: () => new Date((clock += 1000)), newId: randomUUID };
    const ids: string[] = [];
    for (const headline of ['One', 'Two', 'Three', 'Four', 'Five']) {
      ids.push((await createArticle(deps, reporter, () => ({ headline, body: 'Copy.' }))).id);
    }
    expect(await new DynamoOutbox(db, table).everyArticleWithPendingEvents()).toEqual(ids);
  });
});
