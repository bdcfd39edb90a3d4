import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../lambdas/domain/article.js';
import type { Comment } from '../../lambdas/domain/comments.js';
import { toItem } from '../../lambdas/store/article-item.js';
import { DynamoArticleRepository } from '../../lambdas/store/article-repository.js';
import { DynamoCommentRepository } from '../../lambdas/store/comment-store.js';
import { createArticle, transitionArticle, type Deps } from '../../lambdas/usecases/articles.js';
import { addComment, deleteComment, listComments, resolveComment, type CommentDeps } from '../../lambdas/usecases/comments.js';
import { startDynamo } from '../support/dynamo.js';
import { refusal } from '../support/refusal.js';

const rita: Actor = { id: 'rita', name: 'Rita', groups: ['reporters'] };
const omar: Actor = { id: 'omar', name: 'Omar', groups: ['reporters'] };
const eddie: Actor = { id: 'eddie', name: 'Eddie', groups: ['editors'] };
const carla: Actor = { id: 'carla', name: 'Carla', groups: ['chief-editors'] };

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let deps: Deps;
let comments: CommentDeps;

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-comment-refusals');
  const base = { now: () => new Date(), newId: randomUUID };
  deps = { ...base, articles: new DynamoArticleRepository(dynamo.db, dynamo.tableName) };
  comments = { ...base, articles: new DynamoCommentRepository(dynamo.db, dynamo.tableName) };
});
afterAll(() => dynamo.stop());

const draft = async () => (await createArticle(deps, rita, () => ({ headline: 'Floods', body: 'Rivers rose.' }))).id;
const NEVER_WRITTEN = '1764150000000-0123456789ab';

describe('who may see a thread', () => {
  it('another reporter may read a published article but not its thread: 404', async () => {
    const id = await draft();
    await addComment(comments, eddie, id, () => ({ text: 'Source?' }));
    await transitionArticle(deps, rita, id, 'submit', () => ({}), undefined);
    await transitionArticle(deps, carla, id, 'approve', () => ({}), `"${(await deps.articles.get(id))!.version}"`);
    expect((await refusal(listComments(comments, omar, id))).status).toBe(404);
    expect((await refusal(addComment(comments, omar, id, () => ({ text: 'Mine.' })))).status).toBe(404);
    expect((await listComments(comments, rita, id)).items.map((c) => c.text)).toEqual(['Source?']);
  });
});

describe('resolving or deleting a comment the thread does not have', () => {
  it('is 404 for an id never written, though another comment waits in the outbox; that one stays as it was', async () => {
    const id = await draft();
    const waiting = await addComment(comments, eddie, id, () => ({ text: 'Check the figures.' }));
    for (const attempt of [resolveComment(comments, rita, id, NEVER_WRITTEN), deleteComment(comments, eddie, id, NEVER_WRITTEN)]) {
      expect(await refusal(attempt)).toMatchObject({ status: 404, detail: 'No such comment on this article.' });
    }
    expect((await listComments(comments, rita, id)).items).toEqual([waiting]);
  });

  it('is 404 for an id that is not a comment id at all, however long', async () => {
    const id = await draft();
    for (const commentId of ['x', 'x'.repeat(2_000)]) {
      expect((await refusal(resolveComment(comments, rita, id, commentId))).status).toBe(404);
      expect((await refusal(deleteComment(comments, rita, id, commentId))).status).toBe(404);
    }
  });

  it('is 404 to resolve a comment deleted before it was recorded', async () => {
    const id = await draft();
    const c = await addComment(comments, eddie, id, () => ({ text: 'Gone soon.' }));
    await deleteComment(comments, eddie, id, c.id);
    expect(await refusal(resolveComment(comments, rita, id, c.id))).toMatchObject({
      status: 404,
      detail: 'No such comment on this article.',
    });
    expect((await listComments(comments, rita, id)).items).toEqual([]);
  });
});

describe('a comment deleted while it is being resolved', () => {
  it('is 404, and stays deleted', async () => {
    /** The store as it is when the writer's delete lands between reading the comment and resolving it. */
    class DeletedMeanwhile extends DynamoCommentRepository {
      override async resolveComment(articleId: string, comment: Comment, by: Comment['author'], at: string) {
        await this.deleteComment(articleId, comment, at);
        return super.resolveComment(articleId, comment, by, at);
      }
    }
    const racing: CommentDeps = { ...comments, articles: new DeletedMeanwhile(dynamo.db, dynamo.tableName) };
    const id = await draft();
    const c = await addComment(comments, eddie, id, () => ({ text: 'Taken back.' }));
    expect(await refusal(resolveComment(racing, rita, id, c.id))).toMatchObject({
      status: 404,
      detail: 'No such comment on this article.',
    });
    expect((await listComments(comments, rita, id)).items).toEqual([]);
  });
});

describe('deleting a comment', () => {
  it('is for its writer only: 403 for anyone else who sees the thread, and the comment stays', async () => {
    const id = await draft();
    const c = await addComment(comments, eddie, id, () => ({ text: 'Mine to take back.' }));
    for (const actor of [rita, carla]) {
      expect(await refusal(deleteComment(comments, actor, id, c.id))).toMatchObject({
        status: 403,
        detail: 'Only the comment’s writer may delete it.',
      });
    }
    expect((await listComments(comments, rita, id)).items).toEqual([c]);
  });
});

describe('a killed article’s thread', () => {
  it('refuses a new comment with 409 naming the status', async () => {
    const id = await draft();
    const article = (await deps.articles.get(id))!;
    await dynamo.db.send(
      new PutCommand({ TableName: dynamo.tableName, Item: { ...toItem(article), status: 'killed', version: article.version + 1 } }),
    );
    expect(await refusal(addComment(comments, eddie, id, () => ({ text: 'After.' })))).toEqual({
      status: 409,
      detail: 'Comments on an article that is killed cannot change.',
      extra: { currentStatus: 'killed' },
    });
  });
});
