import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Actor, Article } from '../../lambdas/domain/article.js';
import type { DomainEvent } from '../../lambdas/domain/events.js';
import { toItem } from '../../lambdas/store/article-item.js';
import { DynamoArticleRepository } from '../../lambdas/store/article-repository.js';
import { DynamoCommentRepository } from '../../lambdas/store/comment-store.js';
import { DynamoOutbox } from '../../lambdas/store/outbox-store.js';
import { createArticle, transitionArticle, type Deps } from '../../lambdas/usecases/articles.js';
import { addComment, deleteComment, listComments, resolveComment, type CommentDeps } from '../../lambdas/usecases/comments.js';
import type { EventPublisher } from '../../lambdas/usecases/ports.js';
import { dispatchArticle } from '../../lambdas/workers/dispatch.js';
import { startDynamo } from '../support/dynamo.js';

const rita: Actor = { id: 'rita', name: 'Rita', groups: ['reporters'] };
const eddie: Actor = { id: 'eddie', name: 'Eddie', groups: ['editors'] };

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let deps: Deps;
let comments: CommentDeps;
let outbox: DynamoOutbox;
const delivered: DomainEvent[] = [];
const publisher: EventPublisher = { publish: async (events) => void delivered.push(...events) };

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-comments');
  const base = { now: () => new Date(), newId: randomUUID };
  deps = { ...base, articles: new DynamoArticleRepository(dynamo.db, dynamo.tableName) };
  comments = { ...base, articles: new DynamoCommentRepository(dynamo.db, dynamo.tableName) };
  outbox = new DynamoOutbox(dynamo.db, dynamo.tableName);
});
afterAll(() => dynamo.stop());

const draft = async () => (await createArticle(deps, rita, () => ({ headline: 'Floods', body: 'Rivers rose.' }))).id;

/** The comment items under the article's key, as stored. */
async function commentItems(id: string) {
  const { Items = [] } = await dynamo.db.send(
    new QueryCommand({
      TableName: dynamo.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :c)',
      ExpressionAttributeValues: { ':pk': `ARTICLE#${id}`, ':c': 'COMMENT#' },
    }),
  );
  return Items;
}

describe('a comment and its event', () => {
  it('are one write: the thread shows it from the outbox until the dispatcher records it, then from its item, once', async () => {
    const id = await draft();
    const c = await addComment(comments, eddie, id, () => ({ text: 'Source?' }));
    expect(await commentItems(id)).toEqual([]);
    expect((await outbox.pendingEvents(id)).filter((e) => e.type === 'CommentAdded')).toHaveLength(1);
    expect((await listComments(comments, rita, id)).items).toEqual([c]);

    await dispatchArticle(outbox, publisher, id);
    await dispatchArticle(outbox, publisher, id);
    expect(await commentItems(id)).toHaveLength(1);
    expect(await outbox.pendingEvents(id)).toEqual([]);
    expect((await listComments(comments, rita, id)).items).toEqual([c]);
  });

  it('can be resolved before it is recorded; recording it later keeps the resolution', async () => {
    const id = await draft();
    const c = await addComment(comments, eddie, id, () => ({ text: 'Date?', quote: 'Rivers rose.' }));
    const resolved = await resolveComment(comments, rita, id, c.id);
    expect(resolved).toEqual({ ...c, resolvedAt: expect.any(String), resolvedBy: { id: 'rita', name: 'Rita' } });
    await dispatchArticle(outbox, publisher, id);
    expect((await listComments(comments, eddie, id)).items).toEqual([resolved]);
  });

  it('deleted before it is recorded, never comes back', async () => {
    const id = await draft();
    const c = await addComment(comments, eddie, id, () => ({ text: 'Cut this.' }));
    await deleteComment(comments, eddie, id, c.id);
    expect((await listComments(comments, eddie, id)).items).toEqual([]);
    await dispatchArticle(outbox, publisher, id);
    expect((await listComments(comments, eddie, id)).items).toEqual([]);
    const [tombstone] = await commentItems(id);
    expect(tombstone).not.toHaveProperty('text');
  });

  it('follows a transition that got there first, so the outbox stays in version order', async () => {
    const id = await draft();
    const repo = new (class extends DynamoCommentRepository {
      raced = false;
      override async addComment(seen: Article, event: DomainEvent) {
        if (!this.raced) {
          this.raced = true;
          await transitionArticle(deps, rita, id, 'submit', () => ({}), undefined);
        }
        return super.addComment(seen, event);
      }
    })(dynamo.db, dynamo.tableName);
    await addComment({ ...comments, articles: repo }, eddie, id, () => ({ text: 'Racing.' }));
    const pending = await outbox.pendingEvents(id);
    expect(pending.slice(-2).map((e) => [e.type, e.version, e.article.status])).toEqual([
      ['ArticleSubmitted', 2, 'in_review'],
      ['CommentAdded', 2, 'in_review'],
    ]);
    const versions = pending.map((e) => e.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });

  it('puts a request-changes note in the thread, with an id from its event, recorded once', async () => {
    const id = await draft();
    await transitionArticle(deps, rita, id, 'submit', () => ({}), undefined);
    await transitionArticle(deps, eddie, id, 'request-changes', () => ({ comment: 'More sources.' }), undefined);
    const before = (await listComments(comments, rita, id)).items;
    expect(before).toEqual([expect.objectContaining({ author: { id: 'eddie', name: 'Eddie' }, text: 'More sources.', quote: null })]);
    await dispatchArticle(outbox, publisher, id);
    await dispatchArticle(outbox, publisher, id);
    expect(await commentItems(id)).toHaveLength(1);
    expect((await listComments(comments, rita, id)).items).toEqual(before);
  });
});

describe('a killed article', () => {
  it('keeps its thread readable and refuses every change to it with 409', async () => {
    const id = await draft();
    const c = await addComment(comments, eddie, id, () => ({ text: 'Before.' }));
    await dispatchArticle(outbox, publisher, id);
    const article = (await deps.articles.get(id))!;
    // Written as the workflow will leave it: the status is read from the article.
    await dynamo.db.send(
      new PutCommand({ TableName: dynamo.tableName, Item: { ...toItem(article), status: 'killed', version: article.version + 1 } }),
    );
    expect((await listComments(comments, eddie, id)).items).toEqual([c]);
    await expect(addComment(comments, eddie, id, () => ({ text: 'After.' }))).rejects.toMatchObject({ statusCode: 409 });
    await expect(resolveComment(comments, eddie, id, c.id)).rejects.toMatchObject({ statusCode: 409 });
    await expect(deleteComment(comments, eddie, id, c.id)).rejects.toMatchObject({ statusCode: 409 });
  });
});
