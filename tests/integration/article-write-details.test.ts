import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../lambdas/domain/article.js';
import { DynamoArticleHistory } from '../../lambdas/store/article-history.js';
import { DynamoArticleRepository } from '../../lambdas/store/article-repository.js';
import { DynamoCommentRepository } from '../../lambdas/store/comment-store.js';
import { DynamoArticleLists } from '../../lambdas/store/list-pages.js';
import { DynamoRevisions } from '../../lambdas/store/revisions.js';
import { articleHistory, createArticle, editArticle, listArticles, transitionArticle, type Deps } from '../../lambdas/usecases/articles.js';
import { addComment } from '../../lambdas/usecases/comments.js';
import { WriteConflict } from '../../lambdas/usecases/ports.js';
import { startDynamo } from '../support/dynamo.js';
import { refusal } from '../support/refusal.js';

const rita: Actor = { id: 'rita', name: 'Rita', groups: ['reporters'] };
const eddie: Actor = { id: 'eddie', name: 'Eddie', groups: ['editors'] };
const carla: Actor = { id: 'carla', name: 'Carla', groups: ['chief-editors'] };

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let deps: Deps;

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-write-details');
  deps = {
    articles: new DynamoArticleRepository(dynamo.db, dynamo.tableName),
    now: () => new Date('2026-11-26T09:00:00.000Z'),
    newId: randomUUID,
  };
});
afterAll(() => dynamo.stop());

const draft = () => createArticle(deps, rita, () => ({ headline: 'Harbour', body: 'Copy.' }));

describe('an edit', () => {
  it('is kept as a revision of kind edited, by who made it', async () => {
    const a = await draft();
    await editArticle(deps, eddie, a.id, () => ({ headline: 'Harbour reopens' }), '"1"');
    // A revision is kept as the next one replaces it.
    await editArticle(deps, rita, a.id, () => ({ body: 'More copy.' }), '"2"');
    expect(await new DynamoRevisions(dynamo.db, dynamo.tableName).get(a.id, 2)).toMatchObject({
      revision: 2,
      version: 2,
      kind: 'edited',
      actor: { id: 'eddie', name: 'Eddie' },
      fields: ['headline'],
    });
  });
});

describe('a write that keeps losing its race', () => {
  function losing(fault?: Error) {
    let writes = 0;
    class Losing extends DynamoArticleRepository {
      override async saveContent(): Promise<never> {
        writes++;
        throw fault ?? new WriteConflict();
      }
    }
    return { deps: { ...deps, articles: new Losing(dynamo.db, dynamo.tableName) }, writes: () => writes };
  }

  it('is tried six times in all, then fails with the conflict', async () => {
    const a = await draft();
    const store = losing();
    await expect(editArticle(store.deps, rita, a.id, () => ({ body: 'New.' }), '*')).rejects.toBeInstanceOf(WriteConflict);
    expect(store.writes()).toBe(6);
  });

  it('a fault of the store is passed on at once', async () => {
    const a = await draft();
    const store = losing(new Error('throttled'));
    await expect(editArticle(store.deps, rita, a.id, () => ({ body: 'New.' }), '*')).rejects.toThrow('throttled');
    expect(store.writes()).toBe(1);
  });

  it('a comment is tried six times in all too', async () => {
    const a = await draft();
    let writes = 0;
    class Losing extends DynamoCommentRepository {
      override async addComment(): Promise<never> {
        writes++;
        throw new WriteConflict();
      }
    }
    const comments = { ...deps, articles: new Losing(dynamo.db, dynamo.tableName) };
    await expect(addComment(comments, eddie, a.id, () => ({ text: 'Source?' }))).rejects.toBeInstanceOf(WriteConflict);
    expect(writes).toBe(6);
  });
});

describe('a transition not allowed in the article’s status', () => {
  it('is 409 with the status it is in', async () => {
    const a = await draft();
    await transitionArticle(deps, rita, a.id, 'submit', () => ({}), undefined);
    expect(await refusal(transitionArticle(deps, rita, a.id, 'submit', () => ({}), undefined))).toMatchObject({
      status: 409,
      extra: { currentStatus: 'in_review' },
    });
  });
});

describe('If-Match on an approval', () => {
  it('names the version read, also a version of two digits, also after a * in the list', async () => {
    const a = await draft();
    for (let v = 1; v < 10; v++) await editArticle(deps, rita, a.id, () => ({ body: `Copy ${v}.` }), `"${v}"`);
    await transitionArticle(deps, rita, a.id, 'submit', () => ({}), undefined);
    expect((await transitionArticle(deps, carla, a.id, 'approve', () => ({}), '"11"')).status).toBe('published');
    const b = await draft();
    await transitionArticle(deps, rita, b.id, 'submit', () => ({}), undefined);
    expect((await transitionArticle(deps, carla, b.id, 'approve', () => ({}), '*, "2"')).status).toBe('published');
  });
});

describe('bad query parameters', () => {
  it('are pointed at under /query, for lists and histories', async () => {
    const lists = new DynamoArticleLists(dynamo.db, dynamo.tableName);
    expect((await refusal(listArticles(lists, eddie, { limit: '0' }))).extra.errors).toEqual([
      { pointer: '/query/limit', message: expect.any(String) },
    ]);
    const a = await draft();
    const history = { ...deps, history: new DynamoArticleHistory(dynamo.db, dynamo.tableName) };
    expect((await refusal(articleHistory(history, rita, a.id, { limit: '0' }))).extra.errors).toEqual([
      { pointer: '/query/limit', message: expect.any(String) },
    ]);
  });
});
