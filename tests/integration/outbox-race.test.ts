import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../lambdas/domain/article.js';
import type { DomainEvent } from '../../lambdas/domain/events.js';
import { DynamoArticleRepository } from '../../lambdas/store/article-repository.js';
import { DynamoArticleHistory } from '../../lambdas/store/article-history.js';
import { DynamoOutbox } from '../../lambdas/store/outbox-store.js';
import { articleHistory, createArticle, transitionArticle, type Deps } from '../../lambdas/usecases/articles.js';
import type { EventPublisher } from '../../lambdas/usecases/ports.js';
import { dispatchArticle } from '../../lambdas/workers/dispatch.js';
import { startDynamo } from '../support/dynamo.js';

const reporter: Actor = { id: 'rita', name: 'Rita', groups: ['reporters'] };

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let deps: Deps & { history: DynamoArticleHistory };
let outbox: DynamoOutbox;

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-outbox-race');
  deps = {
    articles: new DynamoArticleRepository(dynamo.db, dynamo.tableName),
    history: new DynamoArticleHistory(dynamo.db, dynamo.tableName),
    now: () => new Date(),
    newId: randomUUID,
  };
  outbox = new DynamoOutbox(dynamo.db, dynamo.tableName);
});
afterAll(() => dynamo.stop());

class RecordingPublisher implements EventPublisher {
  readonly events: DomainEvent[] = [];
  async publish(events: readonly DomainEvent[]) {
    this.events.push(...events);
  }
}

/** A publisher that holds its delivery until released: the slow one of two racing dispatchers. */
class HeldPublisher extends RecordingPublisher {
  private release!: () => void;
  private readonly held = new Promise<void>((ok) => (this.release = ok));
  private entered!: () => void;
  /** Resolves once the dispatcher has read the outbox and is delivering. */
  readonly delivering = new Promise<void>((ok) => (this.entered = ok));

  override async publish(events: readonly DomainEvent[]) {
    this.entered();
    await this.held;
    await super.publish(events);
  }

  letGo() {
    this.release();
  }
}

/** A new draft whose ArticleCreated event has been delivered already, so each race starts with an empty outbox. */
async function newDraft(headline: string) {
  const a = await createArticle(deps, reporter, () => ({ headline, body: 'Copy.' }));
  await dispatchArticle(outbox, new RecordingPublisher(), a.id);
  return a;
}

describe('two dispatchers racing on one article (the stream trigger and the sweep)', () => {
  it('the slower one acknowledges late and an event appended after its read stays pending, then is delivered', async () => {
    const a = await newDraft('Race');
    await transitionArticle(deps, reporter, a.id, 'submit', () => ({}), undefined);

    const slow = new HeldPublisher();
    const slowRun = dispatchArticle(outbox, slow, a.id);
    await slow.delivering; // the slow dispatcher read [ArticleSubmitted] and is delivering it

    const fast = new RecordingPublisher();
    expect(await dispatchArticle(outbox, fast, a.id)).toBe(1);
    expect(fast.events.map((e) => e.type)).toEqual(['ArticleSubmitted']);
    expect(await outbox.articlesWithPendingEvents(100)).not.toContain(a.id);

    // A new event is appended after both dispatchers read the outbox.
    await transitionArticle(deps, reporter, a.id, 'withdraw', () => ({}), undefined);

    slow.letGo();
    expect(await slowRun).toBe(1);
    expect(slow.events.map((e) => e.type)).toEqual(['ArticleSubmitted']);

    // The late acknowledgement of ArticleSubmitted must not remove ArticleWithdrawn.
    expect((await outbox.pendingEvents(a.id)).map((e) => [e.type, e.version])).toEqual([['ArticleWithdrawn', 3]]);
    expect(await outbox.articlesWithPendingEvents(100)).toContain(a.id);

    const next = new RecordingPublisher();
    expect(await dispatchArticle(outbox, next, a.id)).toBe(1);
    expect(next.events.map((e) => e.type)).toEqual(['ArticleWithdrawn']);
    expect(await outbox.pendingEvents(a.id)).toEqual([]);
    expect(await outbox.articlesWithPendingEvents(100)).not.toContain(a.id);
    expect((await articleHistory(deps, reporter, a.id)).items.map((h) => h.type)).toEqual([
      'ArticleCreated',
      'ArticleSubmitted',
      'ArticleWithdrawn',
    ]);
  });

  it('a late acknowledgement of several events, after one more was appended, removes none of the others', async () => {
    const a = await newDraft('Race twice');
    await transitionArticle(deps, reporter, a.id, 'submit', () => ({}), undefined);
    await transitionArticle(deps, reporter, a.id, 'withdraw', () => ({}), undefined);
    const read = await outbox.pendingEvents(a.id);
    expect(read.map((e) => e.type)).toEqual(['ArticleSubmitted', 'ArticleWithdrawn']);

    await outbox.acknowledge(a.id, read); // another dispatcher delivered both
    await transitionArticle(deps, reporter, a.id, 'submit', () => ({}), undefined);
    await outbox.acknowledge(a.id, read); // this one acknowledges the same two, late

    expect((await outbox.pendingEvents(a.id)).map((e) => [e.type, e.version])).toEqual([['ArticleSubmitted', 4]]);
    expect(await outbox.articlesWithPendingEvents(100)).toContain(a.id);
  });
});

describe('acknowledging the whole outbox in one write (the local dispatcher)', () => {
  it('refuses, changing nothing, once another event was appended after the read; then the two-step acknowledgement keeps it', async () => {
    const a = await newDraft('Whole outbox');
    await transitionArticle(deps, reporter, a.id, 'submit', () => ({}), undefined);
    const read = await outbox.pendingEvents(a.id);
    await transitionArticle(deps, reporter, a.id, 'withdraw', () => ({}), undefined);

    expect(await outbox.acknowledgeAll(a.id, read)).toBe(false);
    expect((await outbox.pendingEvents(a.id)).map((e) => e.type)).toEqual(['ArticleSubmitted', 'ArticleWithdrawn']);
    await outbox.acknowledge(a.id, read);
    const rest = await outbox.pendingEvents(a.id);
    expect(rest.map((e) => e.type)).toEqual(['ArticleWithdrawn']);
    expect(await outbox.articlesWithPendingEvents(1000)).toContain(a.id);

    await outbox.recordHistories([...read, ...rest]);
    await outbox.recordHistories(rest); // written again: unchanged, no duplicate
    expect(await outbox.acknowledgeAll(a.id, rest)).toBe(true);
    expect(await outbox.acknowledgeAll(a.id, rest)).toBe(false); // a second acknowledgement changes nothing
    expect(await outbox.pendingEvents(a.id)).toEqual([]);
    expect(await outbox.everyArticleWithPendingEvents()).not.toContain(a.id);
    expect((await articleHistory(deps, reporter, a.id)).items.map((h) => h.type)).toEqual([
      'ArticleCreated',
      'ArticleSubmitted',
      'ArticleWithdrawn',
    ]);
  });
});
