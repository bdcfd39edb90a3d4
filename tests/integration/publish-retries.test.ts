import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../lambdas/domain/article.js';
import { DynamoArticleRepository } from '../../lambdas/store/article-repository.js';
import { createArticle, transitionArticle, type Deps } from '../../lambdas/usecases/articles.js';
import { publishDue } from '../../lambdas/usecases/publish-due.js';
import { publishOnTime } from '../../lambdas/usecases/publish-on-time.js';
import { WriteConflict } from '../../lambdas/usecases/ports.js';
import { startDynamo } from '../support/dynamo.js';

const reporter: Actor = { id: 'rita', name: 'Rita', groups: ['reporters'] };
const chief: Actor = { id: 'carla', name: 'Carla', groups: ['chief-editors'] };

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let clock = new Date('2026-11-25T20:00:00.000Z');
let deps: Deps;

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-publish-retries');
  deps = { articles: new DynamoArticleRepository(dynamo.db, dynamo.tableName), now: () => clock, newId: randomUUID };
});
afterAll(() => dynamo.stop());

async function scheduled(publishAt: string) {
  clock = new Date('2026-11-25T20:00:00.000Z');
  const a = await createArticle(deps, reporter, () => ({ headline: 'Morning edition', body: 'Copy.' }));
  await transitionArticle(deps, reporter, a.id, 'submit', () => ({}), undefined);
  return transitionArticle(deps, chief, a.id, 'approve', () => ({ publishAt }), '"2"');
}

/** The store as it is when every write loses a race (or fails outright with `fault`). */
function losing(fault?: Error) {
  let writes = 0;
  class Losing extends DynamoArticleRepository {
    override async transition(): Promise<never> {
      writes++;
      throw fault ?? new WriteConflict();
    }
  }
  return { deps: { ...deps, articles: new Losing(dynamo.db, dynamo.tableName) }, writes: () => writes };
}

describe('a due trigger whose write keeps losing', () => {
  it('tries three times, then leaves the article scheduled as stale', async () => {
    const a = await scheduled('2026-11-26T06:00:00.000Z');
    clock = new Date('2026-11-26T06:00:01.000Z');
    const store = losing();
    expect(await publishDue(store.deps, { articleId: a.id, publishAt: a.publishAt! })).toEqual({ outcome: 'stale' });
    expect(store.writes()).toBe(3);
    expect((await deps.articles.get(a.id))!.status).toBe('scheduled');
  });

  it('passes on a fault of the store at once, not taken for a lost race', async () => {
    const a = await scheduled('2026-11-26T06:00:00.000Z');
    clock = new Date('2026-11-26T06:00:01.000Z');
    const store = losing(new Error('throttled'));
    await expect(publishDue(store.deps, { articleId: a.id, publishAt: a.publishAt! })).rejects.toThrow('throttled');
    expect(store.writes()).toBe(1);
  });
});

describe('a trigger that waits for its time', () => {
  it('looks again at most three times when its timer keeps waking short, then leaves it to the sweep', async () => {
    const a = await scheduled('2026-11-26T06:00:30.000Z');
    clock = new Date('2026-11-26T06:00:29.000Z');
    const waits: number[] = [];
    const short = async (ms: number) => void waits.push(ms); // the clock never gets there
    expect(await publishOnTime(deps, { articleId: a.id, publishAt: a.publishAt! }, { maxWaitMs: 5_000, sleep: short })).toEqual({
      outcome: 'not-due',
    });
    expect(waits).toEqual([1_000, 1_000, 1_000]);
    expect((await deps.articles.get(a.id))!.status).toBe('scheduled');
  });

  it('waits for a time exactly as far ahead as it may wait', async () => {
    const a = await scheduled('2026-11-26T06:00:30.000Z');
    clock = new Date('2026-11-26T06:00:25.000Z');
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
      clock = new Date(clock.getTime() + ms);
    };
    expect(await publishOnTime(deps, { articleId: a.id, publishAt: a.publishAt! }, { maxWaitMs: 5_000, sleep })).toEqual({
      outcome: 'published',
      lateByMs: 0,
    });
    expect(waits).toEqual([5_000]);
  });
});
