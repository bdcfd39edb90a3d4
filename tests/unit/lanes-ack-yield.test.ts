import { afterEach, describe, expect, it } from '@jest/globals';
import type { DomainEvent } from '../../lambdas/domain/events.js';
import type { OutboxEntry } from '../../lambdas/usecases/ports.js';
import { LaneDispatcher, type LaneOutbox, type LaneTarget } from '../../lambdas/workers/lanes.js';

// On one machine the site renderer and the dispatcher's acknowledgements share the CPU and the
// stores. An acknowledgement is bookkeeping no reader waits for: while the renderer renders, it
// waits (at most a bound), so the pages of a crowded second come first.

/** An outbox in memory: one pending event per article; records when each was acknowledged. */
function memoryOutbox(articles: string[]) {
  const pending = new Map<string, OutboxEntry[]>(
    articles.map((id) => [id, [{ id: `${id}-e1`, type: 'ArticlePublished', articleId: id, version: 2, seq: 0 } as unknown as OutboxEntry]]),
  );
  const acknowledgedAt = new Map<string, number>();
  const outbox: LaneOutbox = {
    articlesWithPendingEvents: async () => [...pending.keys()],
    everyArticleWithPendingEvents: async () => [...pending.keys()],
    pendingEvents: async (id) => pending.get(id) ?? [],
    recordHistory: async () => undefined,
    recordHistories: async () => undefined,
    recordComment: async () => undefined,
    acknowledge: async (id) => {
      pending.delete(id);
      acknowledgedAt.set(id, Date.now());
    },
    acknowledgeAll: async (id) => {
      pending.delete(id);
      acknowledgedAt.set(id, Date.now());
      return true;
    },
  };
  return { outbox, acknowledgedAt };
}

/** A renderer-like target whose deliveries take `ms` each; records when each finished. */
function renderer(ms: (articleId: string) => number) {
  const renderedAt = new Map<string, number>();
  const target: LaneTarget = {
    name: 'site',
    concurrency: 4,
    sharesMachine: true,
    async deliver(event: DomainEvent) {
      await new Promise((r) => setTimeout(r, ms(event.articleId)));
      renderedAt.set(event.articleId, Date.now());
    },
  };
  return { target, renderedAt };
}

const quietLog = { info: () => undefined, warn: () => undefined, error: () => undefined };
const until = async (done: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

let lanes: LaneDispatcher | undefined;
afterEach(async () => {
  await lanes?.stop();
  lanes = undefined;
});

describe('acknowledgements on one machine', () => {
  it('wait while the renderer renders other articles, and go once it is quiet', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `a${i}`);
    const { outbox, acknowledgedAt } = memoryOutbox(ids);
    const { target, renderedAt } = renderer(() => 40);
    lanes = new LaneDispatcher(outbox, [target], quietLog);
    for (const id of ids) lanes.touched(id);
    await until(() => acknowledgedAt.size === ids.length);
    // Every render, four at a time, was over before the first acknowledgement.
    const lastRender = Math.max(...renderedAt.values());
    expect(Math.min(...acknowledgedAt.values())).toBeGreaterThanOrEqual(lastRender);
  });

  it('never wait longer than their bound, however long the renderer stays busy', async () => {
    const { outbox, acknowledgedAt } = memoryOutbox(['quick', 'slow']);
    const { target, renderedAt } = renderer((id) => (id === 'slow' ? 1_500 : 10));
    lanes = new LaneDispatcher(outbox, [target], quietLog, { ackYieldMs: 300 });
    lanes.touched('quick');
    lanes.touched('slow');
    await until(() => acknowledgedAt.has('quick'));
    expect(renderedAt.has('slow')).toBe(false);
    expect(acknowledgedAt.get('quick')! - renderedAt.get('quick')!).toBeGreaterThanOrEqual(250);
  });

  it('do not wait at all for a lone article: its own render is over', async () => {
    const { outbox, acknowledgedAt } = memoryOutbox(['alone']);
    const { target, renderedAt } = renderer(() => 10);
    lanes = new LaneDispatcher(outbox, [target], quietLog);
    lanes.touched('alone');
    await until(() => acknowledgedAt.has('alone'));
    expect(acknowledgedAt.get('alone')! - renderedAt.get('alone')!).toBeLessThan(100);
  });

  it('do not wait for targets elsewhere, such as a webhook receiver', async () => {
    const { outbox, acknowledgedAt } = memoryOutbox(['quick', 'slow']);
    const receiver: LaneTarget = {
      name: 'https://hooks.example.com',
      deliver: async (event) => void (await new Promise((r) => setTimeout(r, event.articleId === 'slow' ? 1_000 : 10))),
    };
    lanes = new LaneDispatcher(outbox, [receiver], quietLog);
    const started = Date.now();
    lanes.touched('quick');
    lanes.touched('slow');
    await until(() => acknowledgedAt.has('quick'));
    expect(acknowledgedAt.get('quick')! - started).toBeLessThan(500);
  });
});
