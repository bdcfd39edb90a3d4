import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../lambdas/domain/article.js';
import { DynamoArticleRepository } from '../../lambdas/store/article-repository.js';
import { DynamoRevisions } from '../../lambdas/store/revisions.js';
import { createArticle, editArticle, readArticle, transitionArticle, type Deps } from '../../lambdas/usecases/articles.js';
import { diffRevisions, getRevision, listRevisions, restoreRevision, type RevisionDeps } from '../../lambdas/usecases/revisions.js';
import { startDynamo } from '../support/dynamo.js';
import { problemOf } from '../support/refusal.js';

const rita: Actor = { id: 'rita', name: 'Rita Reporter', groups: ['reporters'] };
const rob: Actor = { id: 'rob', name: 'Rob Reporter', groups: ['reporters'] };
const eddie: Actor = { id: 'eddie', name: 'Eddie Editor', groups: ['editors'] };
const chief: Actor = { id: 'chloe', name: 'Chloe Chief', groups: ['chief-editors'] };

const AT = '2026-11-26T09:00:00.000Z';
let dynamo: Awaited<ReturnType<typeof startDynamo>>;
/** The revision routes' dependencies, with the workflow's moves for the articles they read. */
let deps: RevisionDeps & Deps;

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-revision-usecases');
  deps = {
    articles: new DynamoArticleRepository(dynamo.db, dynamo.tableName),
    revisions: new DynamoRevisions(dynamo.db, dynamo.tableName),
    now: () => new Date(AT),
    newId: randomUUID,
  };
});
afterAll(() => dynamo.stop());

const FIRST = { headline: 'Storm warning', standfirst: '', body: 'Rain tonight.', tags: ['weather'] };

/**
 * Rita's draft in three revisions: 1 as written, 2 with a new body, 3 with a new headline and a
 * tag more. Versions follow revisions (no other writes in between).
 */
async function threeRevisions() {
  const a = await createArticle(deps, rita, () => FIRST);
  await editArticle(deps, rita, a.id, () => ({ body: 'Snow tonight.' }), '"1"');
  await editArticle(deps, rita, a.id, () => ({ headline: 'Storm warning issued', tags: ['weather', 'coast'] }), '"2"');
  return a.id;
}

async function published() {
  const id = await threeRevisions();
  await transitionArticle(deps, rita, id, 'submit', () => ({}), '"3"');
  const done = await transitionArticle(deps, chief, id, 'approve', () => ({}), '"4"');
  expect(done.status).toBe('published');
  return id;
}

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const numbers = (page: { items: { revision: number }[] }) => page.items.map((r) => r.revision);
const NO_ARTICLE = { status: 404, title: 'Not Found', detail: 'No such article.' };

describe('who sees an article’s revisions', () => {
  it('on a published article, its author and the desk do; another reporter, who reads the article, is told it does not exist', async () => {
    const id = await published();
    expect((await readArticle(deps, rob, id)).id).toBe(id);
    for (const who of [rita, eddie, chief]) {
      expect(numbers(await listRevisions(deps, who, id, {}))).toEqual([3, 2, 1]);
      expect(await getRevision(deps, who, id, '1')).toMatchObject(FIRST);
    }
    expect(await problemOf(listRevisions(deps, rob, id, {}))).toEqual(NO_ARTICLE);
    expect(await problemOf(getRevision(deps, rob, id, '1'))).toEqual(NO_ARTICLE);
    expect(await problemOf(diffRevisions(deps, rob, id, '2', {}))).toEqual(NO_ARTICLE);
    expect(await problemOf(restoreRevision(deps, rob, id, '1', '"5"'))).toEqual(NO_ARTICLE);
  });
});

describe('reading one revision', () => {
  it('reads each revision as written, the current one included, and nothing else', async () => {
    const id = await threeRevisions();
    const by = { id: 'rita', name: 'Rita Reporter' };
    expect(await getRevision(deps, rita, id, '1')).toEqual({ revision: 1, version: 1, kind: 'created', actor: by, at: AT, ...FIRST });
    expect(await getRevision(deps, rita, id, '2')).toEqual({
      revision: 2,
      version: 2,
      kind: 'edited',
      actor: by,
      at: AT,
      ...FIRST,
      body: 'Snow tonight.',
    });
    expect(await getRevision(deps, rita, id, '3')).toEqual({
      revision: 3,
      version: 3,
      kind: 'edited',
      actor: by,
      at: AT,
      headline: 'Storm warning issued',
      standfirst: '',
      body: 'Snow tonight.',
      tags: ['weather', 'coast'],
    });
    // Only a revision number as the path writes it: no zero, no leading zero, nothing after the current one.
    for (const asked of ['0', '01', '4', '2.0', ' 2', 'two']) {
      expect(await problemOf(getRevision(deps, rita, id, asked))).toEqual({
        status: 404,
        title: 'Not Found',
        detail: `The article has no revision ${asked}.`,
      });
    }
  });
});

describe('listing revisions', () => {
  it('pages newest first: the current revision, then the stored ones, with a cursor only while more follow', async () => {
    const id = await threeRevisions();
    const whole = await listRevisions(deps, rita, id, {});
    expect(whole).toEqual({
      items: [
        { revision: 3, version: 3, kind: 'edited', actor: { id: 'rita', name: 'Rita Reporter' }, at: AT, fields: ['headline', 'tags'] },
        { revision: 2, version: 2, kind: 'edited', actor: { id: 'rita', name: 'Rita Reporter' }, at: AT, fields: ['body'] },
        {
          revision: 1,
          version: 1,
          kind: 'created',
          actor: { id: 'rita', name: 'Rita Reporter' },
          at: AT,
          fields: ['headline', 'standfirst', 'body', 'tags'],
        },
      ],
      nextCursor: null,
    });
    expect(await listRevisions(deps, rita, id, { limit: '3' })).toEqual(whole);

    const first = await listRevisions(deps, rita, id, { limit: '1' });
    expect(numbers(first)).toEqual([3]);
    expect(first.nextCursor).toBe(cursorOf({ a: id, r: 3 }));
    const second = await listRevisions(deps, rita, id, { limit: '1', cursor: first.nextCursor! });
    expect(numbers(second)).toEqual([2]);
    const third = await listRevisions(deps, rita, id, { limit: '1', cursor: second.nextCursor! });
    expect(third).toMatchObject({ items: [{ revision: 1 }], nextCursor: null });

    const twoThenOne = await listRevisions(deps, rita, id, { limit: '2' });
    expect(numbers(twoThenOne)).toEqual([3, 2]);
    expect(numbers(await listRevisions(deps, rita, id, { limit: '2', cursor: twoThenOne.nextCursor! }))).toEqual([1]);
  });

  it('takes a cursor of this article that names one of its revisions; anything else is a 400', async () => {
    const id = await threeRevisions();
    const other = await threeRevisions();
    expect(numbers(await listRevisions(deps, rita, id, { cursor: cursorOf({ a: id, r: 3 }) }))).toEqual([2, 1]);
    expect(await listRevisions(deps, rita, id, { cursor: cursorOf({ a: id, r: 1 }) })).toEqual({ items: [], nextCursor: null });

    const message = 'The cursor is not valid for these revisions.';
    const invalid = { status: 400, title: 'Bad Request', detail: message, errors: [{ pointer: '/query/cursor', message }] };
    for (const cursor of [
      cursorOf({ a: other, r: 2 }),
      cursorOf({ r: 2 }),
      cursorOf({ a: id, r: '2' }),
      cursorOf({ a: id, r: 1.5 }),
      cursorOf({ a: id }),
      cursorOf({ a: id, r: 0 }),
      cursorOf({ a: id, r: 4 }),
      cursorOf(null),
      cursorOf(7),
      'not a cursor at all',
    ]) {
      expect(await problemOf(listRevisions(deps, rita, id, { cursor }))).toEqual(invalid);
    }
    expect(await problemOf(listRevisions(deps, rita, id, { limit: '0' }))).toMatchObject({
      status: 400,
      errors: [{ pointer: '/query/limit' }],
    });
  });
});

describe('comparing revisions', () => {
  it('diffs each changed field word by word, tags one by one, against the revision before unless told', async () => {
    const id = await threeRevisions();
    expect(await diffRevisions(deps, eddie, id, '3', {})).toEqual({
      revision: 3,
      against: 2,
      fields: {
        headline: [
          { op: 'equal', text: 'Storm warning' },
          { op: 'insert', text: ' issued' },
        ],
        tags: [
          { op: 'equal', text: 'weather' },
          { op: 'insert', text: 'coast' },
        ],
      },
    });
    expect(await diffRevisions(deps, rita, id, '2', {})).toEqual({
      revision: 2,
      against: 1,
      fields: {
        body: [
          { op: 'delete', text: 'Rain' },
          { op: 'insert', text: 'Snow' },
          { op: 'equal', text: ' tonight.' },
        ],
      },
    });
    expect(await diffRevisions(deps, rita, id, '1', { against: '3' })).toEqual({
      revision: 1,
      against: 3,
      fields: {
        headline: [
          { op: 'equal', text: 'Storm warning' },
          { op: 'delete', text: ' issued' },
        ],
        body: [
          { op: 'delete', text: 'Snow' },
          { op: 'insert', text: 'Rain' },
          { op: 'equal', text: ' tonight.' },
        ],
        tags: [
          { op: 'equal', text: 'weather' },
          { op: 'delete', text: 'coast' },
        ],
      },
    });
    expect(await diffRevisions(deps, rita, id, '3', { against: '3' })).toEqual({ revision: 3, against: 3, fields: {} });
  });

  it('asks which revision to compare the first with, and refuses one that does not exist', async () => {
    const id = await threeRevisions();
    const message = 'Revision 1 is the first: name the revision to compare it with in `against`.';
    expect(await problemOf(diffRevisions(deps, rita, id, '1', {}))).toEqual({
      status: 400,
      title: 'Bad Request',
      detail: message,
      errors: [{ pointer: '/query/against', message }],
    });
    expect(await problemOf(diffRevisions(deps, rita, id, '2', { against: 'x' }))).toMatchObject({
      status: 400,
      errors: [{ pointer: '/query/against' }],
    });
    expect(await problemOf(diffRevisions(deps, rita, id, '3', { against: '9' }))).toEqual({
      status: 404,
      title: 'Not Found',
      detail: 'The article has no revision 9.',
    });
  });
});

describe('restoring a revision', () => {
  it('makes an earlier text the article’s as a new revision of kind restored, bound to the version read', async () => {
    const id = await threeRevisions();
    const restored = await restoreRevision(deps, rita, id, '1', '"3"');
    expect(restored).toMatchObject({ ...FIRST, revision: 4, version: 4, status: 'draft' });
    expect(await readArticle(deps, rita, id)).toMatchObject({ ...FIRST, revision: 4, version: 4 });
    expect((await listRevisions(deps, rita, id, { limit: '1' })).items).toEqual([
      {
        revision: 4,
        version: 4,
        kind: 'restored',
        actor: { id: 'rita', name: 'Rita Reporter' },
        at: AT,
        fields: ['headline', 'body', 'tags'],
      },
    ]);
    expect(await getRevision(deps, eddie, id, '4')).toMatchObject({ kind: 'restored', ...FIRST });
  });

  it('needs If-Match naming the current version (428, 412), and leaves the text alone without it', async () => {
    const id = await threeRevisions();
    expect(await problemOf(restoreRevision(deps, rita, id, '1', undefined))).toMatchObject({ status: 428 });
    expect(await problemOf(restoreRevision(deps, rita, id, '1', '"2"'))).toMatchObject({ status: 412, currentVersion: 3 });
    expect(await readArticle(deps, rita, id)).toMatchObject({ revision: 3, version: 3, headline: 'Storm warning issued' });
  });

  it('refuses the current revision, one that does not exist, and any restore on a published article (409)', async () => {
    const id = await threeRevisions();
    expect(await problemOf(restoreRevision(deps, rita, id, '3', '"3"'))).toEqual({
      status: 409,
      title: 'Conflict',
      detail: 'Revision 3 is the current text already.',
    });
    expect(await problemOf(restoreRevision(deps, rita, id, '7', '"3"'))).toMatchObject({ status: 404 });

    const live = await published();
    expect(await problemOf(restoreRevision(deps, chief, live, '1', '"5"'))).toEqual({
      status: 409,
      title: 'Conflict',
      detail: 'A published article changes only through correct, which leaves readers a note.',
      currentStatus: 'published',
    });
    expect(await readArticle(deps, chief, live)).toMatchObject({ revision: 3, version: 5, headline: 'Storm warning issued' });
  });
});
