import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../lambdas/domain/article.js';
import { ProblemError } from '../../lambdas/domain/errors.js';
import { DynamoArticleRepository } from '../../lambdas/store/article-repository.js';
import { DynamoArticleLists, LIST_READ_CAP } from '../../lambdas/store/list-pages.js';
import { createArticle, transitionArticle, type Deps } from '../../lambdas/usecases/articles.js';
import type { ListSource } from '../../lambdas/usecases/ports.js';
import { startDynamo } from '../support/dynamo.js';

const rita: Actor = { id: 'rita', name: 'Rita', groups: ['reporters'] };
const omar: Actor = { id: 'omar', name: 'Omar', groups: ['reporters'] };
const zed: Actor = { id: 'zed', name: 'Zed', groups: ['reporters'] };

/** Omar's and Zed's drafts: a filtered source that Rita's many drafts make stop at the read cap. */
const othersDrafts: ListSource = { by: 'status', status: 'draft', authorIsNot: 'rita' };
/** Everything in review: unfiltered, a page's worth at a time. */
const inReview: ListSource = { by: 'status', status: 'in_review' };
/** Rita's work in review: filtered, and stopped by her drafts at another point than `othersDrafts`. */
const ritasInReview: ListSource = { by: 'author', authorId: 'rita', status: 'in_review' };
/** Zed writes no drafts: a source that is exhausted at once. */
const zedsDrafts: ListSource = { by: 'author', authorId: 'zed', status: 'draft' };

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let deps: Deps;
let lists: DynamoArticleLists;
/** Headline, author and final status of everything written, oldest first. */
const written: { headline: string; author: string; status: 'draft' | 'in_review' }[] = [];

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-list-read-cap');
  let tick = Date.parse('2026-11-26T06:00:00.000Z');
  deps = { articles: new DynamoArticleRepository(dynamo.db, dynamo.tableName), now: () => new Date((tick += 1000)), newId: randomUUID };
  lists = new DynamoArticleLists(dynamo.db, dynamo.tableName);

  const write = async (author: Actor, headline: string, status: 'draft' | 'in_review' = 'draft') => {
    const a = await createArticle(deps, author, () => ({ headline, body: 'Copy.' }));
    if (status === 'in_review') await transitionArticle(deps, author, a.id, 'submit', () => ({}), undefined);
    written.push({ headline, author: author.id, status });
  };
  const ritasDrafts = async (from: number, count: number) => {
    for (let n = from; n < from + count; n++) await write(rita, `R${n}`);
  };
  // Oldest first. Newest first, the drafts partition reads O3, O2, R119..R72 (the read cap) and
  // stops just above Om2; Rita's partition reads Ri2, R119..R72 and Ri (the read cap), just below.
  await write(omar, 'O1');
  await write(zed, 'Z1', 'in_review');
  await ritasDrafts(0, 65);
  await write(omar, 'Om');
  await ritasDrafts(65, 7);
  await write(rita, 'Ri', 'in_review');
  await write(omar, 'Om2');
  await ritasDrafts(72, LIST_READ_CAP - 2);
  await write(rita, 'Ri2', 'in_review');
  await write(zed, 'Z2', 'in_review');
  await write(omar, 'O2');
  await write(omar, 'O3');
});
afterAll(() => dynamo.stop());

/** Every page of a list made of `sources`, `limit` at a time: the headlines of each page. */
async function pages(sources: ListSource[], limit: number): Promise<string[][]> {
  const out: string[][] = [];
  let cursor: string | undefined;
  for (let count = 0; count < 30; count++) {
    const page = await lists.list({ sources, limit, cursor });
    out.push(page.items.map((a) => a.headline));
    if (!page.nextCursor) return out;
    cursor = page.nextCursor;
  }
  throw new Error('the list never ended');
}

const newestFirst = (keep: (w: (typeof written)[number]) => boolean) =>
  written
    .filter(keep)
    .map((w) => w.headline)
    .reverse();
const isOthersDraft = (w: (typeof written)[number]) => w.status === 'draft' && w.author !== 'rita';

describe('a list with a source stopped by the read cap', () => {
  it('hands out nothing older than where that source stopped, so the whole list stays newest first', async () => {
    const expected = newestFirst((w) => isOthersDraft(w) || w.status === 'in_review');
    expect(expected).toEqual(['O3', 'O2', 'Z2', 'Ri2', 'Om2', 'Ri', 'Om', 'Z1', 'O1']);
    for (const limit of [10, 4, 2]) {
      const got = await pages([othersDrafts, inReview], limit);
      expect([limit, got.flat()]).toEqual([limit, expected]);
    }
    // The first page stops where the drafts source stopped reading, though the review source has more.
    expect((await pages([othersDrafts, inReview], 10))[0]).toEqual(['O3', 'O2', 'Z2', 'Ri2']);
  });

  it('with two sources stopped at different points, cuts at the higher of the two, in whichever order they come', async () => {
    const expected = newestFirst((w) => isOthersDraft(w) || (w.author === 'rita' && w.status === 'in_review'));
    expect(expected).toEqual(['O3', 'O2', 'Ri2', 'Om2', 'Ri', 'Om', 'O1']);
    for (const sources of [
      [othersDrafts, ritasInReview],
      [ritasInReview, othersDrafts],
    ]) {
      const got = await pages(sources, 10);
      expect(got[0]).toEqual(['O3', 'O2', 'Ri2']);
      expect(got.flat()).toEqual(expected);
    }
  });

  it('goes on past a source that is exhausted while another is stopped by the cap again', async () => {
    const got = await pages([othersDrafts, zedsDrafts], 10);
    expect(got.flat()).toEqual(newestFirst(isOthersDraft));
    expect(got.length).toBeGreaterThanOrEqual(3);
  });
});

describe('a forged list cursor', () => {
  it('is 400, also when it decodes to null or holds a position that is not a string', async () => {
    const first = await lists.list({ sources: [othersDrafts, inReview], limit: 2 });
    const real = JSON.parse(Buffer.from(first.nextCursor!, 'base64url').toString('utf8')) as { q: string; p: unknown[] };
    const position = real.p.find((p) => typeof p === 'string')!;
    const forged = [null, { ...real, p: [[position], real.p[1]] }, { ...real, p: [real.p[0], { at: position }] }];
    for (const body of forged) {
      const cursor = Buffer.from(JSON.stringify(body)).toString('base64url');
      const outcome = await lists.list({ sources: [othersDrafts, inReview], limit: 2, cursor }).then(
        () => 200,
        (err: unknown) => (err instanceof ProblemError ? err.statusCode : err),
      );
      expect([body, outcome]).toEqual([body, 400]);
    }
  });
});
