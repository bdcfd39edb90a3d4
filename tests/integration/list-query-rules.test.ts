import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../lambdas/domain/article.js';
import { ProblemError } from '../../lambdas/domain/errors.js';
import { DynamoArticleRepository } from '../../lambdas/store/article-repository.js';
import { DynamoArticleLists } from '../../lambdas/store/list-pages.js';
import { createArticle, listArticles, transitionArticle, type Deps } from '../../lambdas/usecases/articles.js';
import { startDynamo } from '../support/dynamo.js';
import { storedEtag } from '../support/etag.js';

const rita: Actor = { id: 'rita', name: 'Rita', groups: ['reporters'] };
const omar: Actor = { id: 'omar', name: 'Omar', groups: ['reporters'] };
const editor: Actor = { id: 'eddie', name: 'Eddie', groups: ['editors'] };
const chief: Actor = { id: 'carla', name: 'Carla', groups: ['chief-editors'] };

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let deps: Deps;
let lists: DynamoArticleLists;

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-list-query-rules');
  let tick = Date.parse('2026-11-26T08:00:00.000Z');
  deps = { articles: new DynamoArticleRepository(dynamo.db, dynamo.tableName), now: () => new Date((tick += 1000)), newId: randomUUID };
  lists = new DynamoArticleLists(dynamo.db, dynamo.tableName);
  // Rita's written in the order of their publication, Omar's last; one more of each stays a draft, and Omar has one published.
  const plan: [Actor, string, string][] = [
    [rita, 'Rita in January', '2027-01-01T06:00:00.000Z'],
    [rita, 'Rita in June', '2027-06-01T06:00:00.000Z'],
    [omar, 'Omar in March', '2027-03-01T06:00:00.000Z'],
  ];
  for (const [author, headline, publishAt] of plan) {
    const a = await createArticle(deps, author, () => ({ headline, body: 'Copy.', tags: ['Harbour'] }));
    await transitionArticle(deps, author, a.id, 'submit', () => ({}), undefined);
    await transitionArticle(deps, chief, a.id, 'approve', () => ({ publishAt }), await storedEtag(deps.articles, a.id));
  }
  await createArticle(deps, rita, () => ({ headline: 'Rita’s draft', body: 'Copy.', tags: ['Harbour'] }));
  await createArticle(deps, omar, () => ({ headline: 'Omar’s draft', body: 'Copy.', tags: ['Harbour'] }));
  const live = await createArticle(deps, omar, () => ({ headline: 'Omar published', body: 'Copy.', tags: ['Harbour'] }));
  await transitionArticle(deps, omar, live.id, 'submit', () => ({}), undefined);
  await transitionArticle(deps, chief, live.id, 'approve', () => ({}), await storedEtag(deps.articles, live.id));
});
afterAll(() => dynamo.stop());

const headlines = async (actor: Actor, query: Record<string, string>) =>
  (await listArticles(lists, actor, { limit: '50', ...query })).items.map((a) => a.headline);

async function refusal(p: Promise<unknown>): Promise<{ status: number; errors: unknown }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ProblemError) return { status: err.statusCode, errors: err.extra.errors };
    throw err;
  }
  return { status: 200, errors: undefined };
}

describe('which list queries are refused', () => {
  it('sort=publishAt without status=scheduled is 400 at /query/sort', async () => {
    for (const query of [{ sort: 'publishAt' }, { sort: 'publishAt', status: 'draft' }]) {
      const r = await refusal(listArticles(lists, editor, query));
      expect(r.status).toBe(400);
      expect(r.errors).toEqual([{ pointer: '/query/sort', message: expect.stringContaining('status=scheduled') }]);
    }
    expect(await headlines(editor, { sort: 'publishAt', status: 'scheduled' })).toEqual([
      'Rita in January',
      'Omar in March',
      'Rita in June',
    ]);
  });

  it('a tag list takes no sort but creation: updatedAt or publishAt with a tag is 400 at /query/sort', async () => {
    for (const sort of ['updatedAt', 'publishAt']) {
      const r = await refusal(listArticles(lists, editor, { tag: 'harbour', sort, status: 'scheduled' }));
      expect(r.status).toBe(400);
      expect(r.errors).toEqual([{ pointer: '/query/sort', message: expect.stringContaining(`sort=${sort}`) }]);
    }
    expect((await headlines(editor, { tag: 'harbour', sort: 'createdAt', status: 'draft' })).sort()).toEqual([
      'Omar’s draft',
      'Rita’s draft',
    ]);
  });
});

describe('the scheduled list and tags', () => {
  it('a tag list of scheduled articles shows them newest created first', async () => {
    expect(await headlines(editor, { tag: 'harbour', status: 'scheduled' })).toEqual(['Omar in March', 'Rita in June', 'Rita in January']);
    expect(await headlines(rita, { tag: 'harbour', status: 'scheduled' })).toEqual(['Rita in June', 'Rita in January']);
  });

  it('a reporter’s tag list holds their own work and others’ published work only', async () => {
    expect((await headlines(rita, { tag: 'harbour' })).sort()).toEqual([
      'Omar published',
      'Rita in January',
      'Rita in June',
      'Rita’s draft',
    ]);
    expect(await headlines(rita, { tag: 'harbour', author: 'omar' })).toEqual(['Omar published']);
  });
});

describe('the scheduled list by author', () => {
  it('a reporter naming themselves gets their scheduled work soonest first', async () => {
    expect(await headlines(rita, { status: 'scheduled', author: 'rita' })).toEqual(['Rita in January', 'Rita in June']);
  });

  it('a reporter naming someone else sees none of their scheduled work, and none of their own', async () => {
    expect(await headlines(rita, { status: 'scheduled', author: 'omar' })).toEqual([]);
    expect(await headlines(rita, { status: 'scheduled', author: 'omar', sort: 'publishAt' })).toEqual([]);
  });

  it('the desk naming an author gets that author’s scheduled work soonest first', async () => {
    expect(await headlines(editor, { status: 'scheduled', author: 'rita' })).toEqual(['Rita in January', 'Rita in June']);
    expect(await headlines(editor, { status: 'scheduled', author: 'rita', sort: 'createdAt' })).toEqual([
      'Rita in June',
      'Rita in January',
    ]);
  });
});
