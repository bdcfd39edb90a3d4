import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../lambdas/domain/article.js';
import { DynamoArticleRepository } from '../../lambdas/store/article-repository.js';
import { DynamoOutbox } from '../../lambdas/store/outbox-store.js';
import { DynamoScheduleIndex } from '../../lambdas/store/schedule-index.js';
import { createArticle, transitionArticle, type Deps } from '../../lambdas/usecases/articles.js';
import { publishDue } from '../../lambdas/usecases/publish-due.js';
import { publishEverythingDue } from '../../lambdas/workers/publish.js';
import { startDynamo } from '../support/dynamo.js';

const reporter: Actor = { id: 'rita', name: 'Rita', groups: ['reporters'] };
const chief: Actor = { id: 'carla', name: 'Carla', groups: ['chief-editors'] };

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let clock = new Date('2026-11-25T20:00:00.000Z');
let deps: Deps;
let outbox: DynamoOutbox;
let schedule: DynamoScheduleIndex;

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-publisher');
  deps = { articles: new DynamoArticleRepository(dynamo.db, dynamo.tableName), now: () => clock, newId: randomUUID };
  outbox = new DynamoOutbox(dynamo.db, dynamo.tableName);
  schedule = new DynamoScheduleIndex(dynamo.db, dynamo.tableName);
});
afterAll(() => dynamo.stop());

async function scheduled(publishAt: string) {
  const a = await createArticle(deps, reporter, () => ({ headline: 'Morning edition', body: 'Copy.' }));
  await transitionArticle(deps, reporter, a.id, 'submit', () => ({}), undefined);
  return transitionArticle(deps, chief, a.id, 'approve', () => ({ publishAt }), '"2"');
}

const eventsOf = async (id: string) => (await outbox.pendingEvents(id)).map((e) => e.type);

describe('the publisher', () => {
  it('invoked three times with the same trigger makes one transition and one event', async () => {
    const a = await scheduled('2026-11-26T06:00:00.000Z');
    clock = new Date('2026-11-26T06:00:00.250Z');
    const trigger = { articleId: a.id, publishAt: a.publishAt! };
    const outcomes = await Promise.all([publishDue(deps, trigger), publishDue(deps, trigger), publishDue(deps, trigger)]);
    expect(outcomes.filter((o) => o.outcome === 'published')).toEqual([{ outcome: 'published', lateByMs: 250 }]);
    expect((await eventsOf(a.id)).filter((t) => t === 'ArticlePublished')).toHaveLength(1);
    expect(await publishDue(deps, trigger)).toEqual({ outcome: 'stale' });
  });

  it('ignores a trigger that fires early, and one for a time the article was moved from', async () => {
    clock = new Date('2026-11-25T20:00:00.000Z');
    const a = await scheduled('2026-11-26T07:00:00.000Z');
    clock = new Date('2026-11-26T06:59:59.999Z');
    expect(await publishDue(deps, { articleId: a.id, publishAt: a.publishAt! })).toEqual({ outcome: 'not-due' });
    await transitionArticle(deps, chief, a.id, 'schedule', () => ({ publishAt: '2026-11-26T08:00:00Z' }), undefined);
    clock = new Date('2026-11-26T07:30:00.000Z');
    expect(await publishDue(deps, { articleId: a.id, publishAt: a.publishAt! })).toEqual({ outcome: 'stale' });
    expect(await eventsOf(a.id)).not.toContain('ArticlePublished');
  });

  it('sweeps every due article from the index, and only those', async () => {
    clock = new Date('2026-11-27T00:00:00.000Z');
    const due = await Promise.all(['2026-11-27T05:00:00Z', '2026-11-27T05:00:00Z', '2026-11-27T05:30:00Z'].map(scheduled));
    const notYet = await scheduled('2026-11-27T09:00:00Z');
    clock = new Date('2026-11-27T06:00:00.000Z');
    expect(await publishEverythingDue(deps, schedule, clock)).toBeGreaterThanOrEqual(3);
    for (const a of due) expect((await deps.articles.get(a.id))!.status).toBe('published');
    expect((await deps.articles.get(notYet.id))!.status).toBe('scheduled');
    expect((await schedule.next())?.articleId).toBe(notYet.id);
  });

  it('publishes a crowded second past the index page, each article once, and leaves what is not due', async () => {
    clock = new Date('2026-11-28T00:00:00.000Z');
    await publishEverythingDue(deps, schedule, clock); // what earlier tests left due
    const crowd = await Promise.all(Array.from({ length: 55 }, () => scheduled('2026-11-28T05:00:00Z')));
    const later = await scheduled('2026-11-28T05:00:01Z');
    clock = new Date('2026-11-28T05:00:00.500Z');
    const seen: number[] = [];
    expect(await publishEverythingDue(deps, schedule, clock, (o) => seen.push(o.lateByMs))).toBe(55);
    expect(seen).toHaveLength(55);
    for (const a of crowd) {
      expect((await deps.articles.get(a.id))!.status).toBe('published');
      expect((await eventsOf(a.id)).filter((t) => t === 'ArticlePublished')).toHaveLength(1);
    }
    expect((await deps.articles.get(later.id))!.status).toBe('scheduled');
    expect(await publishEverythingDue(deps, schedule, clock)).toBe(0);
  });
});
