import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BatchWriteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DomainEvent } from '../../lambdas/domain/events.js';
import type { EventType } from '../../lambdas/domain/workflow.js';
import { DynamoArticleHistory } from '../../lambdas/store/article-history.js';
import { startDynamo } from '../support/dynamo.js';

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
beforeAll(async () => {
  dynamo = await startDynamo();
});
afterAll(() => dynamo.stop());

const actor = { id: 'eddie', name: 'Eddie Editor' };

function event(articleId: string, version: number, type: EventType, seq = 0): DomainEvent & { seq: number } {
  return {
    id: `${articleId}:${version}:${type}`,
    type,
    occurredAt: `2026-11-25T09:00:0${version}.000Z`,
    articleId,
    version,
    from: 'draft',
    to: 'draft',
    actor,
    article: { headline: 'Border', authorId: 'rita', status: 'draft', publishAt: null, publishedAt: null },
    seq,
  };
}

/** An article whose dispatcher has delivered `delivered` (history items) and not yet the `outbox`. */
async function articleWith(id: string, delivered: DomainEvent[], outbox: DomainEvent[]) {
  await dynamo.db.send(new PutCommand({ TableName: dynamo.tableName, Item: { PK: `ARTICLE#${id}`, SK: 'ARTICLE', id, outbox } }));
  await dynamo.db.send(
    new BatchWriteCommand({
      RequestItems: {
        [dynamo.tableName]: delivered.map((e) => ({
          PutRequest: { Item: { PK: `ARTICLE#${id}`, SK: `EVENT#${String(e.version).padStart(10, '0')}#0`, ...e } },
        })),
      },
    }),
  );
}

const entry = (e: DomainEvent) => ({ id: e.id, version: e.version, type: e.type, from: e.from, to: e.to, actor, at: e.occurredAt });

describe('an article history', () => {
  it('shows delivered events, then pending ones oldest first, each once, without file verdicts', async () => {
    const [created, submitted, ready, edited, approved, scheduled] = [
      event('h1', 1, 'ArticleCreated'),
      event('h1', 2, 'ArticleSubmitted'),
      event('h1', 3, 'MediaReady'),
      event('h1', 4, 'ArticleEdited'),
      event('h1', 5, 'ArticleApproved'),
      event('h1', 6, 'ArticleScheduled'),
    ];
    // `submitted` was delivered but its acknowledgement has not been written yet.
    await articleWith('h1', [created, submitted], [submitted, scheduled, ready, edited, approved]);
    const history = new DynamoArticleHistory(dynamo.db, dynamo.tableName);

    const page = await history.history('h1', { limit: 50 });
    expect(page.items).toEqual([entry(created), entry(submitted), entry(edited), entry(approved), entry(scheduled)]);
    expect(page.nextCursor).toBeNull();
  });

  it('pages through delivered history with a cursor, the pending events after it', async () => {
    const delivered = [1, 2, 3].map((v) => event('h2', v, 'ArticleEdited'));
    const pending = event('h2', 4, 'ArticleSubmitted');
    await articleWith('h2', delivered, [pending]);
    const history = new DynamoArticleHistory(dynamo.db, dynamo.tableName);

    const first = await history.history('h2', { limit: 2 });
    expect(first.items).toEqual([entry(delivered[0]!), entry(delivered[1]!)]);
    expect(first.nextCursor).not.toBeNull();

    const second = await history.history('h2', { limit: 2, cursor: first.nextCursor! });
    expect(second.items).toEqual([entry(delivered[2]!), entry(pending)]);
    expect(second.nextCursor).toBeNull();
  });

  it('pages through pending events too, never repeating one before the cursor', async () => {
    const delivered = event('h5', 1, 'ArticleCreated');
    const pending = [event('h5', 2, 'ArticleSubmitted'), event('h5', 3, 'ArticleApproved')];
    await articleWith('h5', [delivered], pending);
    const history = new DynamoArticleHistory(dynamo.db, dynamo.tableName);

    const first = await history.history('h5', { limit: 2 });
    expect(first.items).toEqual([entry(delivered), entry(pending[0]!)]);
    const second = await history.history('h5', { limit: 2, cursor: first.nextCursor! });
    expect(second).toEqual({ items: [entry(pending[1]!)], nextCursor: null });
  });

  it('gives a cursor when exactly one more delivered event follows the page', async () => {
    const delivered = [1, 2].map((v) => event('h3', v, 'ArticleEdited'));
    await articleWith('h3', delivered, []);
    const history = new DynamoArticleHistory(dynamo.db, dynamo.tableName);

    const first = await history.history('h3', { limit: 1 });
    expect(first.items).toEqual([entry(delivered[0]!)]);
    const second = await history.history('h3', { limit: 1, cursor: first.nextCursor! });
    expect(second).toEqual({ items: [entry(delivered[1]!)], nextCursor: null });
  });

  it('keeps reading history when DynamoDB ends a page early at 1 MB, before the pending events', async () => {
    // Each history item is about 300 KB: a query page (at most 1 MB read) holds only a few.
    const delivered = [1, 2, 3, 4, 5, 6, 7, 8].map((v) => {
      const e = event('h4', v, 'ArticleEdited');
      return { ...e, article: { ...e.article, headline: 'h'.repeat(300 * 1024) } };
    });
    const pending = event('h4', 9, 'ArticleSubmitted');
    await articleWith('h4', delivered, [pending]);
    const history = new DynamoArticleHistory(dynamo.db, dynamo.tableName);

    const fives = await history.history('h4', { limit: 5 });
    expect(fives.items).toEqual(delivered.slice(0, 5).map(entry));
    const rest = await history.history('h4', { limit: 5, cursor: fives.nextCursor! });
    expect(rest).toEqual({ items: [...delivered.slice(5).map(entry), entry(pending)], nextCursor: null });

    const fours = await history.history('h4', { limit: 4 });
    expect(fours.items).toEqual(delivered.slice(0, 4).map(entry));
    expect(fours.nextCursor).not.toBeNull();
  }, 10_000);
});
