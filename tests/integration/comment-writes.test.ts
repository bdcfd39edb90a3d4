import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Actor } from '../../lambdas/domain/article.js';
import type { Comment } from '../../lambdas/domain/comments.js';
import type { DomainEvent } from '../../lambdas/domain/events.js';
import { DynamoArticleRepository } from '../../lambdas/store/article-repository.js';
import { DynamoCommentRepository } from '../../lambdas/store/comment-store.js';
import { DynamoOutbox } from '../../lambdas/store/outbox-store.js';
import { TagItems } from '../../lambdas/store/tag-items.js';
import { createArticle, type Deps } from '../../lambdas/usecases/articles.js';
import { addComment, listComments, type CommentDeps } from '../../lambdas/usecases/comments.js';
import { startDynamo } from '../support/dynamo.js';

const rita: Actor = { id: 'rita', name: 'Rita', groups: ['reporters'] };
const eddie: Actor = { id: 'eddie', name: 'Eddie', groups: ['editors'] };
/** A table this test never creates: every request on it fails with ResourceNotFoundException. */
const MISSING_TABLE = 'newsroom-never-created';

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let deps: Deps;
let repo: DynamoCommentRepository;
let comments: CommentDeps;
let clock = Date.parse('2026-11-26T10:00:00.000Z');

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-comment-writes');
  deps = { articles: new DynamoArticleRepository(dynamo.db, dynamo.tableName), now: () => new Date(), newId: randomUUID };
  repo = new DynamoCommentRepository(dynamo.db, dynamo.tableName);
  comments = { articles: repo, now: () => new Date((clock += 1000)), newId: randomUUID };
});
afterAll(() => dynamo.stop());

const draft = async () => (await createArticle(deps, rita, () => ({ headline: 'Floods', body: 'Rivers rose.' }))).id;

/** A comment on a new draft, as the thread shows it while it is still in the outbox. */
async function pendingComment(text = 'Source?'): Promise<{ id: string; comment: Comment }> {
  const id = await draft();
  const comment = await addComment(comments, eddie, id, () => ({ text }));
  return { id, comment };
}

describe('resolving and deleting a comment, in the store', () => {
  it('a second resolution leaves the first as it was, and hands it back', async () => {
    const { id, comment } = await pendingComment();
    const first = await repo.resolveComment(id, comment, { id: 'rita', name: 'Rita' }, '2026-11-26T10:05:00.000Z');
    expect(first).toEqual({ ...comment, resolvedAt: '2026-11-26T10:05:00.000Z', resolvedBy: { id: 'rita', name: 'Rita' } });
    const second = await repo.resolveComment(id, comment, { id: 'eddie', name: 'Eddie' }, '2026-11-26T10:06:00.000Z');
    expect(second).toEqual(first);
    expect(await repo.getComment(id, comment.id)).toEqual({ id: comment.id, deleted: false, comment: first });
  });

  it('deletes once: a second delete, or a resolution after it, finds nothing, and the tombstone says it was deleted', async () => {
    const { id, comment } = await pendingComment();
    expect(await repo.deleteComment(id, comment, '2026-11-26T10:05:00.000Z')).toBe(true);
    expect(await repo.deleteComment(id, comment, '2026-11-26T10:06:00.000Z')).toBe(false);
    expect(await repo.resolveComment(id, comment, { id: 'rita', name: 'Rita' }, '2026-11-26T10:07:00.000Z')).toBeUndefined();
    expect(await repo.getComment(id, comment.id)).toEqual({ id: comment.id, deleted: true });
  });

  it('a comment never written is not there', async () => {
    const id = await draft();
    expect(await repo.getComment(id, '1795687200000-0123456789ab')).toBeUndefined();
  });
});

describe('a write the table refuses for another reason than a lost race', () => {
  it('is an error, never taken for "resolved already", "deleted already" or "recorded already"', async () => {
    // Over DynamoDB's 400 KB item limit: the update itself is refused, the item stays as it was.
    const { id, comment } = await pendingComment();
    const huge = { ...comment, text: 'x'.repeat(410 * 1024) };
    await expect(repo.resolveComment(id, huge, { id: 'rita', name: 'Rita' }, '2026-11-26T10:05:00.000Z')).rejects.toThrow();

    const elsewhere = new DynamoCommentRepository(dynamo.db, MISSING_TABLE);
    await expect(elsewhere.deleteComment(id, comment, '2026-11-26T10:05:00.000Z')).rejects.toThrow();
    const event: DomainEvent = {
      id: `${id}:comment:${comment.id}:CommentAdded`,
      type: 'CommentAdded',
      occurredAt: comment.createdAt,
      articleId: id,
      version: 1,
      from: 'draft',
      to: 'draft',
      actor: { id: 'eddie', name: 'Eddie' },
      article: { headline: 'Floods', authorId: 'rita', status: 'draft', publishAt: null, publishedAt: null },
      comment: { id: comment.id, author: comment.author, text: comment.text, quote: null },
    };
    await expect(new DynamoOutbox(dynamo.db, MISSING_TABLE).recordComment({ ...event, seq: 1 })).rejects.toThrow();
    await expect(new TagItems(dynamo.db, MISSING_TABLE).claim({ id, createdAt: comment.createdAt }, ['floods'], 2)).rejects.toThrow();
    await expect(new TagItems(dynamo.db, MISSING_TABLE).release(id, ['floods'], 2)).rejects.toThrow();
  });
});

describe('a comment on an article whose item is nearly full', () => {
  it('is refused with 409 before anything is written, counting the undelivered events with the new one', async () => {
    const id = await draft();
    const { Item } = await dynamo.db.send(new GetCommand({ TableName: dynamo.tableName, Key: { PK: `ARTICLE#${id}`, SK: 'ARTICLE' } }));
    // Undelivered events of about 396 KB: the item fits, with room for a short comment but not a long one.
    const backlog = ['y'.repeat(396 * 1024)];
    await dynamo.db.send(new PutCommand({ TableName: dynamo.tableName, Item: { ...Item, outbox: backlog } }));

    const refused = await addComment(comments, eddie, id, () => ({ text: 'z'.repeat(5_000) })).catch((err: unknown) => err);
    expect(refused).toMatchObject({
      statusCode: 409,
      extra: { limit: 400 * 1024 - 2 * 1024, pendingEventBytes: expect.any(Number), size: expect.any(Number) },
    });
    const { pendingEventBytes, size } = (refused as { extra: { pendingEventBytes: number; size: number } }).extra;
    expect(pendingEventBytes).toBeGreaterThan(396 * 1024 + 5_000);
    expect(size).toBeGreaterThan(400 * 1024 - 2 * 1024);

    const after = await dynamo.db.send(new GetCommand({ TableName: dynamo.tableName, Key: { PK: `ARTICLE#${id}`, SK: 'ARTICLE' } }));
    expect(after.Item!.outbox).toEqual(backlog);
    expect((await listComments(comments, rita, id)).items).toEqual([]);

    const short = await addComment(comments, eddie, id, () => ({ text: 'Fits.' }));
    expect((await listComments(comments, rita, id)).items).toEqual([short]);
  });
});
