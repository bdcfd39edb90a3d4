import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../lambdas/domain/article.js';
import { ProblemError } from '../../lambdas/domain/errors.js';
import { DynamoArticleRepository } from '../../lambdas/store/article-repository.js';
import { createArticle, readArticle, type Deps } from '../../lambdas/usecases/articles.js';
import { startDynamo } from '../support/dynamo.js';

const reporter = (): Actor => ({ id: `r-${randomUUID()}`, name: 'Reporter', groups: ['reporters'] });

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let deps: Deps;

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-create-retries');
  deps = {
    articles: new DynamoArticleRepository(dynamo.db, dynamo.tableName),
    now: () => new Date('2026-11-25T10:00:00.000Z'),
    newId: randomUUID,
  };
});
afterAll(() => dynamo.stop());

async function statusOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ProblemError) return err.statusCode;
    return 500;
  }
  return 200;
}

const first = { headline: 'Bridge reopens', standfirst: 'After two years.', body: 'Copy.', tags: ['roads', 'city'] };

describe('creating an article under an id the client chose', () => {
  it('someone else sending the very same article under that id does not get the first writer’s article', async () => {
    const id = randomUUID();
    const me = reporter();
    await createArticle(deps, me, () => ({ ...first }), id);
    const other = reporter();
    expect(await statusOf(createArticle(deps, other, () => ({ ...first }), id))).not.toBe(200);
    const kept = await readArticle(deps, me, id);
    expect(kept.authorId).toBe(me.id);
  });

  it('the same writer retrying returns the stored article, with its original creation time', async () => {
    const id = randomUUID();
    const me = reporter();
    const created = await createArticle(deps, me, () => ({ ...first }), id);
    const later = { ...deps, now: () => new Date('2026-11-25T11:00:00.000Z') };
    const again = await createArticle(later, me, () => ({ ...first }), id);
    expect(again.createdAt).toBe('2026-11-25T10:00:00.000Z');
    expect(again).toEqual(created);
  });

  it.each([
    ['headline', { headline: 'Bridge stays shut' }],
    ['standfirst', { standfirst: 'After three years.' }],
    ['body', { body: 'Other copy.' }],
    ['tags', { tags: ['roads'] }],
  ])(
    'the same writer sending a different %s under the same id is told the id was used for another request (422)',
    async (_field, change) => {
      const id = randomUUID();
      const me = reporter();
      await createArticle(deps, me, () => ({ ...first }), id);
      expect(await statusOf(createArticle(deps, me, () => ({ ...first, ...change }), id))).toBe(422);
      const kept = await readArticle(deps, me, id);
      expect([kept.headline, kept.standfirst, kept.body, kept.tags]).toEqual([
        'Bridge reopens',
        'After two years.',
        'Copy.',
        ['roads', 'city'],
      ]);
    },
  );
});
