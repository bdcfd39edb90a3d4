import { randomUUID } from 'node:crypto';
import { storedEtag } from '../support/etag.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../lambdas/domain/article.js';
import { ProblemError } from '../../lambdas/domain/errors.js';
import { DynamoArticleRepository } from '../../lambdas/store/article-repository.js';
import { DynamoArticleLists } from '../../lambdas/store/list-pages.js';
import {
  createArticle,
  editArticle,
  etagMatches,
  listArticles,
  readArticle,
  transitionArticle,
  type Deps,
} from '../../lambdas/usecases/articles.js';
import { startDynamo } from '../support/dynamo.js';

const chief: Actor = { id: 'carla', name: 'Carla', groups: ['chief-editors'] };
const editor: Actor = { id: 'eddie', name: 'Eddie', groups: ['editors'] };
const reporter = (): Actor => ({ id: `r-${randomUUID()}`, name: 'Reporter', groups: ['reporters'] });

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let deps: Deps;
let lists: DynamoArticleLists;
let clock = new Date('2026-11-25T10:00:00.000Z');

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-usecases');
  deps = { articles: new DynamoArticleRepository(dynamo.db, dynamo.tableName), now: () => clock, newId: randomUUID };
  lists = new DynamoArticleLists(dynamo.db, dynamo.tableName);
});
afterAll(() => dynamo.stop());

async function problem(p: Promise<unknown>): Promise<{ status: number; extra: Record<string, unknown>; detail: string }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ProblemError) return { status: err.statusCode, extra: err.extra, detail: err.message };
    throw err;
  }
  return { status: 200, extra: {}, detail: '' };
}

const draft = (author: Actor, content: Record<string, unknown> = {}) =>
  createArticle(deps, author, () => ({ headline: 'Border', body: 'Copy.', ...content }));

async function inReview(author: Actor) {
  const a = await draft(author);
  return transitionArticle(deps, author, a.id, 'submit', () => ({}), undefined);
}

describe('If-Match', () => {
  it('matches the current version, strong or weak, alone or in a list, or *', () => {
    expect(etagMatches('"3"', 3)).toBe(true);
    expect(etagMatches('W/"3"', 3)).toBe(true);
    expect(etagMatches('"1", "3"', 3)).toBe(true);
    expect(etagMatches('*', 3)).toBe(true);
    expect(etagMatches('"2"', 3)).toBe(false);
    expect(etagMatches('3', 3)).toBe(false);
    expect(etagMatches('"33"', 3)).toBe(false);
  });

  it('an edit needs it (428), a stale one is 412 with the current version; a transition takes it when sent', async () => {
    const me = reporter();
    const a = await draft(me);
    expect((await problem(editArticle(deps, me, a.id, () => ({ headline: 'x' }), undefined))).status).toBe(428);
    expect(await problem(editArticle(deps, me, a.id, () => ({ headline: 'x' }), '"2"'))).toMatchObject({
      status: 412,
      extra: { currentVersion: 1 },
    });
    expect((await editArticle(deps, me, a.id, () => ({ headline: 'Edited' }), 'W/"1"')).version).toBe(2);
    expect((await problem(transitionArticle(deps, me, a.id, 'submit', () => ({}), '"1"'))).status).toBe(412);
    expect((await transitionArticle(deps, me, a.id, 'submit', () => undefined, '"2"')).status).toBe('in_review');
  });
});

describe('publishAt', () => {
  it('approval with a past or present publishAt publishes now; more than a year ahead is 400', async () => {
    const me = reporter();
    const now = await inReview(me);
    const published = await transitionArticle(
      deps,
      chief,
      now.id,
      'approve',
      () => ({ publishAt: clock.toISOString() }),
      await storedEtag(deps.articles, now.id),
    );
    expect(published).toMatchObject({ status: 'published', publishAt: null, publishedAt: clock.toISOString() });

    const far = await inReview(me);
    const tooFar = new Date(clock.getTime() + 366 * 86_400_000 + 1).toISOString();
    expect(
      await problem(
        transitionArticle(deps, chief, far.id, 'approve', () => ({ publishAt: tooFar }), await storedEtag(deps.articles, far.id)),
      ),
    ).toMatchObject({
      status: 400,
      extra: { errors: [{ pointer: '/publishAt', message: '`publishAt` may be at most a year ahead.' }] },
    });
    const edge = new Date(clock.getTime() + 366 * 86_400_000).toISOString();
    expect(
      (await transitionArticle(deps, chief, far.id, 'approve', () => ({ publishAt: edge }), await storedEtag(deps.articles, far.id)))
        .publishAt,
    ).toBe(edge);
  });

  it('is kept in UTC whatever offset it was given in; rescheduling must be in the future', async () => {
    const a = await inReview(reporter());
    const scheduled = await transitionArticle(
      deps,
      chief,
      a.id,
      'approve',
      () => ({ publishAt: '2026-11-26T08:00:00+02:00' }),
      await storedEtag(deps.articles, a.id),
    );
    expect(scheduled).toMatchObject({ status: 'scheduled', publishAt: '2026-11-26T06:00:00.000Z' });
    for (const publishAt of [clock.toISOString(), '2026-11-25T09:59:59.999Z']) {
      expect(await problem(transitionArticle(deps, chief, a.id, 'schedule', () => ({ publishAt }), undefined))).toMatchObject({
        status: 400,
        extra: { errors: [{ pointer: '/publishAt', message: '`publishAt` must be in the future; use publish to publish now.' }] },
      });
    }
    expect(
      (await transitionArticle(deps, chief, a.id, 'schedule', () => ({ publishAt: '2026-11-25T10:00:00.001Z' }), undefined)).publishAt,
    ).toBe('2026-11-25T10:00:00.001Z');
  });
});

describe('creating', () => {
  it('trims and de-duplicates tags, and starts with an empty standfirst', async () => {
    const a = await draft(reporter(), { tags: [' border', 'border ', 'army'] });
    expect(a.tags).toEqual(['border', 'army']);
    expect(a.standfirst).toBe('');
    const edited = await editArticle(deps, editor, a.id, () => ({ tags: ['x', ' x'] }), '"1"');
    expect(edited.tags).toEqual(['x']);
  });

  it('a retried create with the same id returns the same article; someone else’s id is not theirs to take', async () => {
    const me = reporter();
    const id = randomUUID();
    const first = await createArticle(deps, me, () => ({ headline: 'Once', body: 'Copy.' }), id);
    const again = await createArticle(deps, me, () => ({ headline: 'Once', body: 'Copy.' }), id);
    expect(again).toEqual(first);
    await expect(createArticle(deps, reporter(), () => ({ headline: 'Mine?', body: 'Copy.' }), id)).rejects.toThrow();
    expect((await readArticle(deps, me, id)).headline).toBe('Once');
  });

  it('someone in no group may not write; bad input is 400 naming the field', async () => {
    expect((await problem(draft({ id: 'guest', name: 'Guest', groups: [] }))).status).toBe(403);
    const bad = await problem(createArticle(deps, reporter(), () => ({ headline: '   ', body: 'Copy.' })));
    expect(bad.status).toBe(400);
    expect(bad.extra.errors).toEqual([{ pointer: '/headline', message: '`headline` must not be blank.' }]);
    expect((await problem(readArticle(deps, chief, 'not an id!'))).status).toBe(404);
  });
});

describe('lists by who asks', () => {
  it('a reporter sees their own work in any status, and only the published work of others', async () => {
    const me = reporter();
    const other = reporter();
    const mine = await inReview(me);
    const theirsInReview = await inReview(other);
    const theirsPublished = await inReview(other);
    await transitionArticle(deps, chief, theirsPublished.id, 'approve', () => ({}), await storedEtag(deps.articles, theirsPublished.id));

    const ids = async (q: Record<string, string>) => (await listArticles(lists, me, { limit: '100', ...q })).items.map((a) => a.id);
    expect(await ids({ status: 'in_review' })).toEqual([mine.id]);
    expect(await ids({ author: other.id })).toEqual([theirsPublished.id]);
    expect(await ids({ author: other.id, status: 'in_review' })).toEqual([]);
    expect(await ids({ author: other.id, status: 'published' })).toEqual([theirsPublished.id]);
    expect(await ids({ author: me.id })).toEqual([mine.id]);
    expect(await ids({ status: 'published' })).toContain(theirsPublished.id);
    expect(await ids({ status: 'published' })).not.toContain(theirsInReview.id);

    const desk = async (q: Record<string, string>) => (await listArticles(lists, editor, { limit: '100', ...q })).items.map((a) => a.id);
    expect(await desk({ author: other.id, status: 'in_review' })).toEqual([theirsInReview.id]);
    expect(await desk({ status: 'in_review' })).toEqual(expect.arrayContaining([mine.id, theirsInReview.id]));
    expect(await desk({})).toEqual(expect.arrayContaining([mine.id, theirsInReview.id, theirsPublished.id]));
  });

  it('pages hold the default of 20 when no limit is given', async () => {
    const me = reporter();
    for (let i = 0; i < 21; i++) await draft(me);
    const page = await listArticles(lists, me, { author: me.id });
    expect(page.items).toHaveLength(20);
    expect(page.nextCursor).toEqual(expect.any(String));
  });
});

describe('slugs', () => {
  const approve = async (id: string) => transitionArticle(deps, chief, id, 'approve', () => ({}), await storedEtag(deps.articles, id));
  const headline = `Übergabe in Kőszeg ${randomUUID().slice(0, 8)}`;

  it('an article gets its slug at first publication, unique across the site, and keeps it when published again', async () => {
    const first = await inReview(reporter());
    expect((await readArticle(deps, chief, first.id)).slug).toBeNull();
    await editArticle(deps, chief, first.id, () => ({ headline }), await storedEtag(deps.articles, first.id));
    const published = await approve(first.id);
    const base = `ubergabe-in-koszeg-${headline.slice(-8).toLowerCase()}`;
    expect(published.slug).toBe(base);

    const second = await inReview(reporter());
    await editArticle(deps, chief, second.id, () => ({ headline }), await storedEtag(deps.articles, second.id));
    expect((await approve(second.id)).slug).toBe(`${base}-2`);

    // Unpublished, retitled and approved again: back at the same address.
    await transitionArticle(deps, chief, first.id, 'unpublish', () => ({ reason: 'Legal review' }), undefined);
    await editArticle(deps, chief, first.id, () => ({ headline: 'Another headline' }), await storedEtag(deps.articles, first.id));
    expect((await approve(first.id)).slug).toBe(base);
    expect((await readArticle(deps, chief, first.id)).slug).toBe(base);
  });

  it('a scheduled article gets its slug when it is published, not when it is approved', async () => {
    const a = await inReview(reporter());
    const publishAt = new Date(clock.getTime() + 3_600_000).toISOString();
    const scheduled = await transitionArticle(deps, chief, a.id, 'approve', () => ({ publishAt }), await storedEtag(deps.articles, a.id));
    expect(scheduled.slug).toBeNull();
    const published = await transitionArticle(deps, chief, a.id, 'publish', () => ({}), await storedEtag(deps.articles, a.id));
    expect(published.slug).toMatch(/^border(-\d+)?$/);
  });
});
