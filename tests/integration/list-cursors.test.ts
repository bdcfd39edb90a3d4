import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../lambdas/domain/article.js';
import { refusal, statusOf } from '../support/refusal.js';
import { DynamoArticleRepository } from '../../lambdas/store/article-repository.js';
import { DynamoArticleLists } from '../../lambdas/store/list-pages.js';
import { createArticle, listArticles, transitionArticle, type Deps } from '../../lambdas/usecases/articles.js';
import { startDynamo } from '../support/dynamo.js';

const editor: Actor = { id: 'eddie', name: 'Eddie', groups: ['editors'] };
const reporter = (): Actor => ({ id: `r-${randomUUID()}`, name: 'Reporter', groups: ['reporters'] });

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let deps: Deps;
let lists: DynamoArticleLists;

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-list-cursors');
  deps = { articles: new DynamoArticleRepository(dynamo.db, dynamo.tableName), now: () => new Date(), newId: randomUUID };
  lists = new DynamoArticleLists(dynamo.db, dynamo.tableName);
});
afterAll(() => dynamo.stop());

async function desk(author: Actor, drafts: number, inReview: number) {
  for (let i = 0; i < drafts + inReview; i++) {
    const a = await createArticle(deps, author, () => ({ headline: `Story ${i}`, body: 'Copy.' }));
    if (i >= drafts) await transitionArticle(deps, author, a.id, 'submit', () => ({}), undefined);
  }
}

describe('a list cursor belongs to the query that made it', () => {
  it('works on its own query, and is 400 on another status or another author', async () => {
    const rita = reporter();
    const omar = reporter();
    await desk(rita, 3, 2);
    await desk(omar, 3, 2);

    const byStatus = await listArticles(lists, editor, { status: 'draft', limit: '1' });
    expect(byStatus.nextCursor).toEqual(expect.any(String));
    expect((await listArticles(lists, editor, { status: 'draft', limit: '1', cursor: byStatus.nextCursor! })).items).toHaveLength(1);
    expect(await refusal(listArticles(lists, editor, { status: 'in_review', limit: '1', cursor: byStatus.nextCursor! }))).toMatchObject({
      status: 400,
      extra: { errors: [{ pointer: '/query/cursor', message: 'The cursor is not valid for this list.' }] },
    });

    const ritas = await listArticles(lists, editor, { author: rita.id, limit: '2' });
    expect(ritas.items.map((a) => a.authorId)).toEqual([rita.id, rita.id]);
    expect(ritas.nextCursor).toEqual(expect.any(String));
    expect(await statusOf(listArticles(lists, editor, { author: omar.id, limit: '2', cursor: ritas.nextCursor! }))).toBe(400);
    expect(await statusOf(listArticles(lists, editor, { author: rita.id, status: 'draft', limit: '2', cursor: ritas.nextCursor! }))).toBe(
      400,
    );
  });

  it('a reporter’s own-desk cursor (two sources) is 400 for another reporter’s desk', async () => {
    const rita = reporter();
    const omar = reporter();
    await desk(rita, 3, 0);
    await desk(omar, 3, 0);
    const page = await listArticles(lists, rita, { limit: '1' });
    expect(page.nextCursor).toEqual(expect.any(String));
    expect(await statusOf(listArticles(lists, rita, { limit: '1', cursor: page.nextCursor! }))).toBe(200);
    expect(await statusOf(listArticles(lists, omar, { limit: '1', cursor: page.nextCursor! }))).toBe(400);
  });
});
