import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor, Article } from '../../lambdas/domain/article.js';
import { DynamoArticleRepository } from '../../lambdas/store/article-repository.js';
import { DynamoArticleLists } from '../../lambdas/store/list-pages.js';
import { createArticle, editArticle, listArticles, transitionArticle, type Deps } from '../../lambdas/usecases/articles.js';
import { startDynamo } from '../support/dynamo.js';
import { storedEtag } from '../support/etag.js';

const rita: Actor = { id: 'rita', name: 'Rita', groups: ['reporters'] };
const omar: Actor = { id: 'omar', name: 'Omar', groups: ['reporters'] };
const editor: Actor = { id: 'eddie', name: 'Eddie', groups: ['editors'] };
const chief: Actor = { id: 'carla', name: 'Carla', groups: ['chief-editors'] };

/** A newsroom of its own, on its own dynalite, with a clock that moves one second a call. */
async function newsroom(name: string) {
  const dynamo = await startDynamo(name);
  let tick = Date.parse('2026-11-26T08:00:00.000Z');
  const deps: Deps = {
    articles: new DynamoArticleRepository(dynamo.db, dynamo.tableName),
    now: () => new Date((tick += 1000)),
    newId: randomUUID,
  };
  return { dynamo, deps, lists: new DynamoArticleLists(dynamo.db, dynamo.tableName) };
}

type Newsroom = Awaited<ReturnType<typeof newsroom>>;

/** Every page of a list, `limit` at a time: the headlines of each page. */
async function pages(n: Newsroom, actor: Actor, query: Record<string, string>, limit: number): Promise<string[][]> {
  const out: string[][] = [];
  let cursor: string | undefined;
  for (let count = 0; count < 30; count++) {
    const page = await listArticles(n.lists, actor, { ...query, limit: String(limit), cursor });
    out.push(page.items.map((a) => a.headline));
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
  throw new Error('the list never ended');
}

const all = (p: string[][]) => p.flat();

describe('the scheduled list, soonest publication first', () => {
  let n: Newsroom;
  beforeAll(async () => {
    n = await newsroom('newsroom-list-scheduled');
    // Written in one order, scheduled in another, by two reporters; one more stays a draft.
    const plan: [Actor, string, string][] = [
      [rita, 'Rita in March', '2027-03-01T06:00:00.000Z'],
      [omar, 'Omar in January', '2027-01-01T06:00:00.000Z'],
      [rita, 'Rita in February', '2027-02-01T06:00:00.000Z'],
      [omar, 'Omar in April', '2027-04-01T06:00:00.000Z'],
      [rita, 'Rita in May', '2027-05-01T06:00:00.000Z'],
    ];
    for (const [author, headline, publishAt] of plan) {
      const a = await createArticle(n.deps, author, () => ({ headline, body: 'Copy.' }));
      await transitionArticle(n.deps, author, a.id, 'submit', () => ({}), undefined);
      await transitionArticle(n.deps, chief, a.id, 'approve', () => ({ publishAt }), await storedEtag(n.deps.articles, a.id));
    }
    await createArticle(n.deps, rita, () => ({ headline: 'Rita’s draft', body: 'Copy.' }));
  });
  afterAll(() => n.dynamo.stop());

  it('shows the desk every scheduled article, soonest first, at any page size', async () => {
    const expected = ['Omar in January', 'Rita in February', 'Rita in March', 'Omar in April', 'Rita in May'];
    for (const limit of [1, 2, 3, 5, 50]) expect(all(await pages(n, editor, { status: 'scheduled' }, limit))).toEqual(expected);
    expect(await pages(n, editor, { status: 'scheduled' }, 2)).toEqual([
      ['Omar in January', 'Rita in February'],
      ['Rita in March', 'Omar in April'],
      ['Rita in May'],
    ]);
  });

  it('narrows to one author: the desk’s choice, or the reporter’s own', async () => {
    for (const limit of [1, 2, 10]) {
      expect(all(await pages(n, editor, { status: 'scheduled', author: 'omar' }, limit))).toEqual(['Omar in January', 'Omar in April']);
      expect(all(await pages(n, rita, { status: 'scheduled' }, limit))).toEqual(['Rita in February', 'Rita in March', 'Rita in May']);
    }
  });
});

describe('lists by last change (sort=updatedAt), newest change first', () => {
  let n: Newsroom;
  let made: Record<string, Article>;
  beforeAll(async () => {
    n = await newsroom('newsroom-list-updated');
    made = {};
    for (const [author, headline] of [
      [rita, 'R1'],
      [omar, 'O1'],
      [rita, 'R2'],
      [omar, 'O2'],
      [rita, 'R3'],
    ] as const) {
      made[headline] = await createArticle(n.deps, author, () => ({ headline, body: 'Copy.' }));
    }
    // Changed later, oldest first: R1, then O1; R2 is changed last.
    for (const headline of ['R1', 'O1', 'R2']) {
      const id = made[headline]!.id;
      const author = headline.startsWith('R') ? rita : omar;
      await editArticle(n.deps, author, id, () => ({ body: `Copy, ${headline}, revised.` }), await storedEtag(n.deps.articles, id));
    }
  });
  afterAll(() => n.dynamo.stop());

  it('orders a status by the articles’ last change, page after page, while the default stays by creation', async () => {
    const byChange = ['R2', 'O1', 'R1', 'R3', 'O2'];
    for (const limit of [1, 2, 3, 10]) {
      expect(all(await pages(n, editor, { status: 'draft', sort: 'updatedAt' }, limit))).toEqual(byChange);
    }
    expect(all(await pages(n, editor, { status: 'draft' }, 2))).toEqual(['R3', 'O2', 'R2', 'O1', 'R1']);
  });

  it('orders an author’s work by last change too, and a reporter’s own desk', async () => {
    for (const limit of [1, 2, 10]) {
      expect(all(await pages(n, editor, { author: 'rita', sort: 'updatedAt' }, limit))).toEqual(['R2', 'R1', 'R3']);
      expect(all(await pages(n, omar, { status: 'draft', sort: 'updatedAt' }, limit))).toEqual(['O1', 'O2']);
    }
    expect(all(await pages(n, editor, { author: 'rita' }, 2))).toEqual(['R3', 'R2', 'R1']);
  });
});
