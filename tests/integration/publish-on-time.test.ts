import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../lambdas/domain/article.js';
import { DynamoArticleRepository } from '../../lambdas/store/article-repository.js';
import { createArticle, transitionArticle, type Deps } from '../../lambdas/usecases/articles.js';
import { publishOnTime } from '../../lambdas/usecases/publish-on-time.js';
import { startDynamo } from '../support/dynamo.js';

const reporter: Actor = { id: 'rita', name: 'Rita', groups: ['reporters'] };
const chief: Actor = { id: 'carla', name: 'Carla', groups: ['chief-editors'] };

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let clock = new Date('2026-11-25T20:00:00.000Z');
let deps: Deps;
/** Waiting moves the clock, as the real wait would, and records how long was asked for. */
const waits: number[] = [];
const sleep = async (ms: number) => {
  waits.push(ms);
  clock = new Date(clock.getTime() + ms);
};

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-publish-on-time');
  deps = { articles: new DynamoArticleRepository(dynamo.db, dynamo.tableName), now: () => clock, newId: randomUUID };
});
afterAll(() => dynamo.stop());

async function scheduled(publishAt: string) {
  clock = new Date('2026-11-25T20:00:00.000Z');
  const a = await createArticle(deps, reporter, () => ({ headline: 'Morning edition', body: 'Copy.' }));
  await transitionArticle(deps, reporter, a.id, 'submit', () => ({}), undefined);
  return transitionArticle(deps, chief, a.id, 'approve', () => ({ publishAt }), '"2"');
}

describe('a one-time schedule that fires early (EventBridge Scheduler: up to 59 s before the second asked for)', () => {
  it('waits for the time and publishes on it, not a minute later', async () => {
    const a = await scheduled('2026-11-26T06:00:30.000Z');
    clock = new Date('2026-11-26T06:00:00.000Z'); // 30 s early: the minute's first second
    waits.length = 0;
    const outcome = await publishOnTime(deps, { articleId: a.id, publishAt: a.publishAt! }, { maxWaitMs: 85_000, sleep });
    expect(outcome).toEqual({ outcome: 'published', lateByMs: 0 });
    expect(waits).toEqual([30_000]);
    expect(await deps.articles.get(a.id)).toMatchObject({ status: 'published', publishedAt: '2026-11-26T06:00:30.000Z' });
  });

  it('leaves to the sweep a trigger further ahead than it can wait', async () => {
    const a = await scheduled('2026-11-26T07:00:59.000Z');
    clock = new Date('2026-11-26T07:00:00.000Z');
    waits.length = 0;
    expect(await publishOnTime(deps, { articleId: a.id, publishAt: a.publishAt! }, { maxWaitMs: 10_000, sleep })).toEqual({
      outcome: 'not-due',
    });
    expect(waits).toEqual([]);
    expect((await deps.articles.get(a.id))!.status).toBe('scheduled');
  });

  it('publishes nothing if the article was moved while it waited', async () => {
    const a = await scheduled('2026-11-26T08:00:40.000Z');
    clock = new Date('2026-11-26T08:00:00.000Z');
    const moving: typeof sleep = async (ms) => {
      await transitionArticle(deps, chief, a.id, 'schedule', () => ({ publishAt: '2026-11-26T09:00:00Z' }), undefined);
      await sleep(ms);
    };
    expect(await publishOnTime(deps, { articleId: a.id, publishAt: a.publishAt! }, { maxWaitMs: 85_000, sleep: moving })).toEqual({
      outcome: 'stale',
    });
    expect(await deps.articles.get(a.id)).toMatchObject({ status: 'scheduled', publishAt: '2026-11-26T09:00:00.000Z' });
  });
});
