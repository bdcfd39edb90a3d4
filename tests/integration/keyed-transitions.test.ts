import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../lambdas/domain/article.js';
import type { ApiRequest, Route } from '../../lambdas/http/api.js';
import { idempotent, type IdempotencyStore } from '../../lambdas/http/idempotency.js';
import { articleResult, replayArticle } from '../../lambdas/handlers/replay.js';
import { DynamoArticleRepository } from '../../lambdas/store/article-repository.js';
import { appliedIn, DynamoIdempotencyStore } from '../../lambdas/store/idempotency-store.js';
import { APPROVAL_INPUTS, applyTransition, createArticle, transitionArticle, type Deps } from '../../lambdas/usecases/articles.js';
import { problemResponse } from '../../lambdas/http/problem.js';
import { startDynamo } from '../support/dynamo.js';

/**
 * Keyed transitions whose first attempt was applied (or not) and never answered: the process
 * died between DynamoDB's write and the reply, or before the write. The route is the one the
 * approve function serves, on real DynamoDB (dynalite); only the crash is staged.
 */
const chief: Actor = { id: 'carla', name: 'Carla', groups: ['chief-editors'] };
const rita: Actor = { id: 'rita', name: 'Rita', groups: ['reporters'] };
const ROUTE = 'POST /articles/{id}/approve';

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let deps: Deps;
let store: DynamoIdempotencyStore;

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-keyed-transitions');
  deps = { articles: new DynamoArticleRepository(dynamo.db, dynamo.tableName), now: () => new Date(), newId: randomUUID };
  store = new DynamoIdempotencyStore(dynamo.db, dynamo.tableName);
});
afterAll(() => dynamo.stop());

async function articleInReview(): Promise<string> {
  const article = await createArticle(deps, rita, () => ({ headline: 'Border talks', body: 'Copy.' }));
  await transitionArticle(deps, rita, article.id, 'submit', () => undefined, undefined);
  return article.id;
}

/** The approve route; `crash` stages the process dying before or after the write. */
function approveRoute(opts: { crash?: 'before-write' | 'after-write'; clockSkewMs?: number } = {}): Route {
  // A retry after the claim's 30-second lock: the store sees a later clock.
  const skewed: IdempotencyStore = {
    begin: (id, fp, now) => store.begin(id, fp, new Date(now.getTime() + (opts.clockSkewMs ?? 0))),
    complete: (id, outcome) => store.complete(id, outcome),
    release: (id) => store.release(id),
  };
  const route = idempotent(
    skewed,
    ROUTE,
    async (req, key) => {
      if (opts.crash === 'before-write') throw new Error('process died');
      const readInput = (now: Date) => APPROVAL_INPUTS.approve(req.input() ?? {}, now);
      const article = await applyTransition(deps, req.actor, req.params.id!, 'approve', readInput, req.header('if-match'), key);
      if (opts.crash === 'after-write') throw new Error('process died');
      return articleResult(req, article);
    },
    replayArticle(deps),
    appliedIn(dynamo.db, dynamo.tableName),
  );
  return async (req) => route(req).catch((err: unknown) => problemResponse(err, '/articles'));
}

function request(id: string, body: string, key = 'approve-1', ifMatch = '"2"'): ApiRequest {
  const headers: Record<string, string> = { 'idempotency-key': key, 'if-match': ifMatch };
  return { actor: chief, params: { id }, query: {}, header: (n) => headers[n], rawBody: body, input: () => JSON.parse(body) };
}

/** The article's events: with no dispatcher running, every one is still in its outbox. */
async function eventsOf(id: string): Promise<string[]> {
  const { Item } = await dynamo.db.send(new GetCommand({ TableName: dynamo.tableName, Key: { PK: `ARTICLE#${id}`, SK: 'ARTICLE' } }));
  return ((Item?.outbox ?? []) as { type: string }[]).map((e) => e.type);
}

describe('a keyed transition retried after its first attempt died', () => {
  it('applied, claim still locked: the retry gets the first outcome replayed, not 409 "in progress"', async () => {
    const id = await articleInReview();
    await expect(approveRoute({ crash: 'after-write' })(request(id, '{}'))).resolves.toMatchObject({ statusCode: 500 });
    const retry = await approveRoute()(request(id, '{ }'));
    expect(retry.statusCode).toBe(200);
    expect(retry.headers).toMatchObject({ 'idempotent-replayed': 'true', etag: '"3"' });
    expect(JSON.parse(retry.body as string)).toMatchObject({ id, status: 'published', version: 3 });
    expect((await eventsOf(id)).filter((t) => t === 'ArticleApproved')).toHaveLength(1);
  });

  it('applied, claim expired and taken over: the refused re-run turns into the replay', async () => {
    const id = await articleInReview();
    await approveRoute({ crash: 'after-write' })(request(id, '{}'));
    const retry = await approveRoute({ clockSkewMs: 60_000 })(request(id, '{}'));
    expect(retry.statusCode).toBe(200);
    expect(retry.headers).toMatchObject({ 'idempotent-replayed': 'true' });
    expect(JSON.parse(retry.body as string)).toMatchObject({ status: 'published', version: 3 });
  });

  it('not applied: 409 while the claim is locked, then applied once', async () => {
    const id = await articleInReview();
    expect((await approveRoute({ crash: 'before-write' })(request(id, '{}'))).statusCode).toBe(500);
    const locked = await approveRoute()(request(id, '{}'));
    expect(locked.statusCode).toBe(409);
    expect(JSON.parse(locked.body as string).detail).toMatch(/still in progress/);
    const later = await approveRoute({ clockSkewMs: 60_000 })(request(id, '{}'));
    expect(later.statusCode).toBe(200);
    expect(later.headers).not.toHaveProperty('idempotent-replayed');
    expect((await eventsOf(id)).filter((t) => t === 'ArticleApproved')).toHaveLength(1);
  });

  it('another request under the same key is still 422, and another key is refused as the state says', async () => {
    const id = await articleInReview();
    await approveRoute({ crash: 'after-write' })(request(id, '{}'));
    const later = new Date(Date.now() + 7 * 86_400_000).toISOString();
    expect((await approveRoute()(request(id, JSON.stringify({ publishAt: later })))).statusCode).toBe(422);
    const other = await approveRoute({ clockSkewMs: 60_000 })(request(id, '{}', 'approve-2', '"3"'));
    expect(other.statusCode).toBe(409);
    expect(other.headers).not.toHaveProperty('idempotent-replayed');
  });

  it('an article remembers the keys of its last 16 versions, not older ones', async () => {
    const id = await articleInReview();
    const keyed = (n: number) => ({ recordId: `record-${n}`, fingerprint: `fp-${n}` });
    await approveRoute()(request(id, JSON.stringify({ publishAt: new Date(Date.now() + 86_400_000).toISOString() })));
    // Reschedule 17 times, each with its own key, straight through the use case.
    for (let n = 0; n < 17; n++) {
      const publishAt = new Date(Date.now() + (n + 2) * 86_400_000).toISOString();
      await applyTransition(deps, chief, id, 'schedule', (now) => APPROVAL_INPUTS.schedule({ publishAt }, now), undefined, keyed(n));
    }
    const applied = appliedIn(dynamo.db, dynamo.tableName);
    expect(await applied(id, keyed(16))).toEqual({ statusCode: 200, articleId: id, version: 20 });
    expect(await applied(id, keyed(1))).toEqual({ statusCode: 200, articleId: id, version: 5 });
    expect(await applied(id, keyed(0))).toBeUndefined();
    expect(await applied(id, { recordId: 'record-16', fingerprint: 'another request' })).toBeUndefined();
  });
});
