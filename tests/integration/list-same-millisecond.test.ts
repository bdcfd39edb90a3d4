import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../lambdas/domain/article.js';
import { DynamoArticleRepository } from '../../lambdas/store/article-repository.js';
import { DynamoArticleLists } from '../../lambdas/store/list-pages.js';
import { createArticle, transitionArticle, type Deps } from '../../lambdas/usecases/articles.js';
import type { ListSource } from '../../lambdas/usecases/ports.js';
import { startDynamo } from '../support/dynamo.js';

const pia: Actor = { id: 'pia', name: 'Pia', groups: ['reporters'] };

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let lists: DynamoArticleLists;
const headlines: string[] = [];

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-list-same-ms');
  // Every article written, and every change made, in the same millisecond.
  const deps: Deps = {
    articles: new DynamoArticleRepository(dynamo.db, dynamo.tableName),
    now: () => new Date('2026-11-26T07:00:00.000Z'),
    newId: randomUUID,
  };
  lists = new DynamoArticleLists(dynamo.db, dynamo.tableName);
  for (let n = 0; n < 6; n++) {
    const a = await createArticle(deps, pia, () => ({ headline: `P${n}`, body: 'Copy.' }));
    if (n % 2) await transitionArticle(deps, pia, a.id, 'submit', () => ({}), undefined);
    headlines.push(`P${n}`);
  }
});
afterAll(() => dynamo.stop());

async function everyPage(sources: ListSource[], limit: number): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | undefined;
  for (let count = 0; count < 20; count++) {
    const page = await lists.list({ sources, limit, cursor });
    out.push(...page.items.map((a) => a.headline));
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
  throw new Error('the list never ended');
}

describe('articles of the same millisecond', () => {
  it.each([
    ['one author', [{ by: 'author', authorId: 'pia' }]],
    ['one author, by last change', [{ by: 'author', authorId: 'pia', order: 'updatedAt' }]],
    [
      'two statuses merged',
      [
        { by: 'status', status: 'draft' },
        { by: 'status', status: 'in_review' },
      ],
    ],
    [
      'two statuses merged, by last change',
      [
        { by: 'status', status: 'draft', order: 'updatedAt' },
        { by: 'status', status: 'in_review', order: 'updatedAt' },
      ],
    ],
  ] as [string, ListSource[]][])('list each once, in one order whatever the page size: %s', async (_, sources) => {
    const whole = await everyPage(sources, 10);
    expect([...whole].sort()).toEqual(headlines);
    for (const limit of [1, 2, 3, 4]) expect([limit, await everyPage(sources, limit)]).toEqual([limit, whole]);
  });
});
