import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../lambdas/domain/article.js';
import { DynamoArticleRepository } from '../../lambdas/store/article-repository.js';
import { DynamoArticleLists } from '../../lambdas/store/list-pages.js';
import { createArticle, listArticles, transitionArticle, type Deps } from '../../lambdas/usecases/articles.js';
import { startDynamo } from '../support/dynamo.js';
import { storedEtag } from '../support/etag.js';

const rita: Actor = { id: 'rita', name: 'Rita', groups: ['reporters'] };
const editor: Actor = { id: 'eddie', name: 'Eddie', groups: ['editors'] };
const chief: Actor = { id: 'carla', name: 'Carla', groups: ['chief-editors'] };

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let deps: Deps;
let lists: DynamoArticleLists;

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-list-scheduled-same-time');
  let tick = Date.parse('2026-11-26T08:00:00.000Z');
  deps = { articles: new DynamoArticleRepository(dynamo.db, dynamo.tableName), now: () => new Date((tick += 1000)), newId: randomUUID };
  lists = new DynamoArticleLists(dynamo.db, dynamo.tableName);
});
afterAll(() => dynamo.stop());

async function everyPage(limit: number): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | undefined;
  for (let count = 0; count < 20; count++) {
    const page = await listArticles(lists, editor, { status: 'scheduled', limit: String(limit), cursor });
    out.push(...page.items.map((a) => a.headline));
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
  throw new Error('the list never ended');
}

describe('the scheduled list, with articles due at the same moment', () => {
  it('lists each once, in one order whatever the page size', async () => {
    const headlines = ['Noon one', 'Noon two', 'Noon three', 'Noon four'];
    for (const headline of headlines) {
      const a = await createArticle(deps, rita, () => ({ headline, body: 'Copy.' }));
      await transitionArticle(deps, rita, a.id, 'submit', () => ({}), undefined);
      const publishAt = '2027-01-01T12:00:00.000Z';
      await transitionArticle(deps, chief, a.id, 'approve', () => ({ publishAt }), await storedEtag(deps.articles, a.id));
    }

    const one = await everyPage(1);
    expect([...one].sort()).toEqual([...headlines].sort());
    for (const limit of [2, 3, 4, 10]) expect([limit, await everyPage(limit)]).toEqual([limit, one]);
  });
});
