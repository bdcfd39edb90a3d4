import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../lambdas/domain/article.js';
import type { Comment } from '../../lambdas/domain/comments.js';
import { ProblemError } from '../../lambdas/domain/errors.js';
import { DynamoArticleRepository } from '../../lambdas/store/article-repository.js';
import { DynamoCommentRepository } from '../../lambdas/store/comment-store.js';
import { createArticle, type Deps } from '../../lambdas/usecases/articles.js';
import { addComment, listComments, resolveComment, type CommentDeps } from '../../lambdas/usecases/comments.js';
import { startDynamo } from '../support/dynamo.js';

const rita: Actor = { id: 'rita', name: 'Rita', groups: ['reporters'] };
const eddie: Actor = { id: 'eddie', name: 'Eddie', groups: ['editors'] };

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let deps: Deps;
let comments: CommentDeps;
let clock = Date.parse('2026-11-26T10:00:00.000Z');

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-comment-stretch');
  deps = { articles: new DynamoArticleRepository(dynamo.db, dynamo.tableName), now: () => new Date(), newId: randomUUID };
  comments = { articles: new DynamoCommentRepository(dynamo.db, dynamo.tableName), now: () => new Date(clock), newId: randomUUID };
});
afterAll(() => dynamo.stop());

const draft = async () => (await createArticle(deps, rita, () => ({ headline: 'Storm', body: 'Winds rose.' }))).id;

async function comment(id: string, text: string): Promise<Comment> {
  clock += 1000;
  return addComment(comments, eddie, id, () => ({ text }));
}

/** The thread, read `limit` at a time: the texts of each page. */
async function pages(id: string, limit: number): Promise<string[][]> {
  const out: string[][] = [];
  let cursor: string | undefined;
  for (let n = 0; n < 20; n++) {
    const page = await listComments(comments, rita, id, { limit: String(limit), cursor });
    out.push(page.items.map((c) => c.text));
    if (page.nextCursor === null) return out;
    cursor = page.nextCursor;
  }
  throw new Error('the thread never ended');
}

describe('a comment thread whose newest comments were recorded before older ones', () => {
  it('hands out the older comments still in the outbox on the pages where they belong, though more recorded ones follow', async () => {
    const id = await draft();
    const added = [];
    for (const text of ['one', 'two', 'three', 'four', 'five']) added.push(await comment(id, text));
    // Resolving records a comment at once: the two newest are recorded, the three oldest only in the outbox.
    clock += 1000;
    await resolveComment(comments, rita, id, added[3]!.id);
    await resolveComment(comments, rita, id, added[4]!.id);

    expect(await pages(id, 1)).toEqual([['one'], ['two'], ['three'], ['four'], ['five']]);
    expect(await pages(id, 2)).toEqual([['one', 'two'], ['three', 'four'], ['five']]);
  });
});

describe('a thread cursor', () => {
  it('whose position is not text is 400, even when it would read as a comment id', async () => {
    const id = await draft();
    await comment(id, 'one');
    await comment(id, 'two');
    const [first] = (await listComments(comments, rita, id)).items;
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const read = async (cursor: string) => {
      try {
        return (await listComments(comments, rita, id, { cursor })).items.map((c) => c.text);
      } catch (err) {
        if (err instanceof ProblemError) return { status: err.statusCode, errors: err.extra.errors };
        throw err;
      }
    };

    expect(await read(encode({ a: id, after: first!.id }))).toEqual(['two']);
    expect(await read(encode({ a: id, after: [first!.id] }))).toEqual({
      status: 400,
      errors: [{ pointer: '/query/cursor', message: 'The cursor is not valid for this comment thread.' }],
    });
  });
});
