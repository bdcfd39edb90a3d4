import { randomUUID } from 'node:crypto';
import { storedEtag } from '../support/etag.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor, Article } from '../../lambdas/domain/article.js';
import { ProblemError } from '../../lambdas/domain/errors.js';
import { DynamoArticleRepository } from '../../lambdas/store/article-repository.js';
import { DynamoArticleLists } from '../../lambdas/store/list-pages.js';
import { createArticle, listArticles, transitionArticle, type Deps } from '../../lambdas/usecases/articles.js';
import { startDynamo } from '../support/dynamo.js';

const me: Actor = { id: 'rita', name: 'Rita', groups: ['reporters'] };
const other: Actor = { id: 'omar', name: 'Omar', groups: ['reporters'] };
const editor: Actor = { id: 'eddie', name: 'Eddie', groups: ['editors'] };
const chief: Actor = { id: 'carla', name: 'Carla', groups: ['chief-editors'] };

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let deps: Deps;
let lists: DynamoArticleLists;
let tick = Date.parse('2026-11-25T08:00:00.000Z');
/** Everything in this file's own table, in creation order, with its final status. */
const all: { article: Article; status: Article['status'] }[] = [];

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-list-merge');
  deps = { articles: new DynamoArticleRepository(dynamo.db, dynamo.tableName), now: () => new Date((tick += 1000)), newId: randomUUID };
  lists = new DynamoArticleLists(dynamo.db, dynamo.tableName);
  // Interleaved in time: Rita's and Omar's work, in every status.
  const plan: [Actor, Article['status']][] = [
    [me, 'draft'],
    [other, 'published'],
    [other, 'draft'],
    [me, 'published'],
    [other, 'published'],
    [me, 'in_review'],
    [other, 'in_review'],
    [other, 'published'],
    [me, 'draft'],
    [other, 'scheduled'],
    [me, 'published'],
    [other, 'published'],
  ];
  for (const [author, status] of plan) {
    const article = await createArticle(deps, author, () => ({ headline: `${author.id} ${status}`, body: 'Copy.' }));
    if (status !== 'draft') await transitionArticle(deps, author, article.id, 'submit', () => ({}), undefined);
    if (status === 'published')
      await transitionArticle(deps, chief, article.id, 'approve', () => ({}), await storedEtag(deps.articles, article.id));
    if (status === 'scheduled') {
      await transitionArticle(
        deps,
        chief,
        article.id,
        'approve',
        () => ({ publishAt: '2027-01-01T00:00:00Z' }),
        await storedEtag(deps.articles, article.id),
      );
    }
    all.push({ article, status });
  }
});
afterAll(() => dynamo.stop());

async function everyPage(actor: Actor, query: Record<string, string>, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 50; pages++) {
    const page = await listArticles(lists, actor, { ...query, limit: String(limit), cursor });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map((a) => a.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('the list never ended');
}

const newestFirst = (keep: (x: (typeof all)[number]) => boolean) =>
  all
    .filter(keep)
    .map((x) => x.article.id)
    .reverse();

describe('lists merged from several sources, page by page', () => {
  it.each([1, 2, 3, 5, 100])('a reporter’s desk (own work and others’ published) is exactly newest first, %i at a time', async (limit) => {
    const expected = newestFirst((x) => x.article.authorId === me.id || x.status === 'published');
    expect(await everyPage(me, {}, limit)).toEqual(expected);
  });

  it.each([1, 2, 4, 100])('the desk’s view of everything (four status sources) is exactly newest first, %i at a time', async (limit) => {
    expect(await everyPage(editor, {}, limit)).toEqual(newestFirst(() => true));
  });

  it.each([1, 2, 7])('one status, one author, or both: the same articles, newest first, %i at a time', async (limit) => {
    expect(await everyPage(editor, { status: 'published' }, limit)).toEqual(newestFirst((x) => x.status === 'published'));
    expect(await everyPage(editor, { author: other.id }, limit)).toEqual(newestFirst((x) => x.article.authorId === other.id));
    expect(await everyPage(editor, { author: other.id, status: 'published' }, limit)).toEqual(
      newestFirst((x) => x.article.authorId === other.id && x.status === 'published'),
    );
  });

  it('a page that ends exactly at the end of the list leads to an empty last page, without a cursor', async () => {
    const mine = newestFirst((x) => x.article.authorId === me.id);
    const page = await listArticles(lists, editor, { author: me.id, limit: String(mine.length) });
    expect(page.items.map((a) => a.id)).toEqual(mine);
    if (page.nextCursor) {
      expect(await listArticles(lists, editor, { author: me.id, limit: String(mine.length), cursor: page.nextCursor })).toEqual({
        items: [],
        nextCursor: null,
      });
    }
    const longer = await listArticles(lists, editor, { author: me.id, limit: String(mine.length + 1) });
    expect(longer.nextCursor).toBeNull();
  });

  it('a cursor that decodes to something else than a cursor is 400, never a 500', async () => {
    const page = await listArticles(lists, me, { limit: '1' });
    const real = JSON.parse(Buffer.from(page.nextCursor!, 'base64url').toString('utf8'));
    const forged = [
      'null',
      '5',
      '"text"',
      JSON.stringify({ ...real, p: 'not a list' }),
      JSON.stringify({ ...real, p: [...real.p, null] }),
      JSON.stringify({ ...real, p: real.p.map(() => 7) }),
      JSON.stringify({ ...real, p: real.p.map(() => 'no-hash-here') }),
      JSON.stringify({ ...real, p: real.p.map(() => true) }),
    ];
    for (const body of forged) {
      const cursor = Buffer.from(body).toString('base64url');
      const outcome = await listArticles(lists, me, { limit: '1', cursor }).then(
        () => 200,
        (err) => (err instanceof ProblemError ? err.statusCode : err),
      );
      expect([body, outcome]).toEqual([body, 400]);
    }
  });
});
