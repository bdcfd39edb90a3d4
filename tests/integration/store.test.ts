import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Actor } from '../../lambdas/domain/article.js';
import { ProblemError } from '../../lambdas/domain/errors.js';
import { statusOf } from '../support/refusal.js';
import type { DomainEvent } from '../../lambdas/domain/events.js';
import type { Media } from '../../lambdas/domain/media.js';
import { DynamoMediaArticleRepository } from '../../lambdas/store/article-media-repository.js';
import { DynamoArticleHistory } from '../../lambdas/store/article-history.js';
import { DynamoArticleLists, LIST_READ_CAP } from '../../lambdas/store/list-pages.js';
import { DynamoOutbox } from '../../lambdas/store/outbox-store.js';
import {
  articleHistory,
  createArticle,
  editArticle,
  listArticles,
  readArticle,
  transitionArticle,
  type Deps,
} from '../../lambdas/usecases/articles.js';
import type { EventPublisher } from '../../lambdas/usecases/ports.js';
import { dispatchArticle, OutboxDrainer } from '../../lambdas/workers/dispatch.js';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/storage.js';
import { startDynamo } from '../support/dynamo.js';

const reporter: Actor = { id: 'rita', name: 'Rita Reporter', groups: ['reporters'] };
const otherReporter: Actor = { id: 'omar', name: 'Omar Reporter', groups: ['reporters'] };
const editor: Actor = { id: 'eddie', name: 'Eddie Editor', groups: ['editors'] };
const chief: Actor = { id: 'carla', name: 'Carla Chief', groups: ['chief-editors'] };

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let deps: Deps & { articles: DynamoMediaArticleRepository; history: DynamoArticleHistory };
let outbox: DynamoOutbox;
let lists: DynamoArticleLists;

beforeAll(async () => {
  dynamo = await startDynamo();
  deps = {
    articles: new DynamoMediaArticleRepository(dynamo.db, dynamo.tableName),
    history: new DynamoArticleHistory(dynamo.db, dynamo.tableName),
    now: () => new Date(),
    newId: randomUUID,
  };
  outbox = new DynamoOutbox(dynamo.db, dynamo.tableName);
  lists = new DynamoArticleLists(dynamo.db, dynamo.tableName);
});
afterAll(() => dynamo.stop());

const draft = (author = reporter, headline = 'Tajikistan mobilizes reservists') =>
  createArticle(deps, author, () => ({ headline, body: 'The Central Asian republic is mobilizing.' }));

async function inReview() {
  const a = await draft();
  return transitionArticle(deps, reporter, a.id, 'submit', () => undefined, undefined);
}

class RecordingPublisher implements EventPublisher {
  readonly events: DomainEvent[] = [];
  failing = false;
  async publish(events: readonly DomainEvent[]) {
    if (this.failing) throw new Error('receiver down');
    this.events.push(...events);
  }
}

describe('conditional writes on DynamoDB', () => {
  it('of 20 concurrent approvals exactly one wins and exactly one ArticleApproved exists', async () => {
    const article = await inReview();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => statusOf(transitionArticle(deps, chief, article.id, 'approve', () => ({}), '"2"'))),
    );
    expect(results.filter((s) => s === 200)).toHaveLength(1);
    expect(results.filter((s) => s === 409)).toHaveLength(19);

    const publisher = new RecordingPublisher();
    await dispatchArticle(outbox, publisher, article.id);
    await dispatchArticle(outbox, publisher, article.id);
    expect(publisher.events.filter((e) => e.type === 'ArticleApproved')).toHaveLength(1);
    const history = (await articleHistory(deps, chief, article.id)).items;
    expect(history.map((h) => h.type)).toEqual(['ArticleCreated', 'ArticleSubmitted', 'ArticleApproved', 'ArticlePublished']);
    expect((await readArticle(deps, chief, article.id)).status).toBe('published');
  });

  it('of 20 concurrent edits with the same If-Match exactly one wins; the rest get 412', async () => {
    const article = await draft();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => statusOf(editArticle(deps, reporter, article.id, () => ({ headline: `Edit ${i}` }), '"1"'))),
    );
    expect(results.filter((s) => s === 200)).toHaveLength(1);
    expect(results.filter((s) => s === 412)).toHaveLength(19);
    const after = await readArticle(deps, reporter, article.id);
    expect(after.version).toBe(2);
  });

  it('refuses a transition the status no longer allows, and a stale If-Match', async () => {
    const article = await draft();
    expect(await statusOf(transitionArticle(deps, reporter, article.id, 'withdraw', () => ({}), undefined))).toBe(409);
    expect(await statusOf(transitionArticle(deps, reporter, article.id, 'submit', () => ({}), '"7"'))).toBe(412);
    expect(await statusOf(transitionArticle(deps, reporter, article.id, 'submit', () => ({}), '"1"'))).toBe(200);
  });

  it('hides another reporter’s draft (404) and refuses their actions on a published article (403)', async () => {
    const article = await inReview();
    expect(await statusOf(readArticle(deps, otherReporter, article.id))).toBe(404);
    expect(await statusOf(transitionArticle(deps, otherReporter, article.id, 'approve', () => ({}), undefined))).toBe(404);
    await transitionArticle(deps, chief, article.id, 'approve', () => ({}), '"2"');
    expect((await readArticle(deps, otherReporter, article.id)).status).toBe('published');
    expect(await statusOf(editArticle(deps, otherReporter, article.id, () => ({ headline: 'x' }), '"3"'))).toBe(403);
  });

  it('keeps a long non-Latin body intact', async () => {
    const body = 'Таджикистан мобилизует резервистов. '.repeat(5_500).slice(0, 200_000);
    const article = await createArticle(deps, reporter, () => ({ headline: 'Граница', body }));
    expect((await readArticle(deps, reporter, article.id)).body).toBe(body);
  });
});

describe('the outbox', () => {
  it('delivers each article’s events in version order, once acknowledged never again', async () => {
    const article = await inReview();
    await transitionArticle(deps, editor, article.id, 'request-changes', () => ({ comment: 'Source the troop figure.' }), undefined);
    await transitionArticle(deps, reporter, article.id, 'submit', () => ({}), undefined);
    const publisher = new RecordingPublisher();
    const drainer = new OutboxDrainer(outbox, publisher, { warn: () => undefined });
    await drainer.drainOnce();
    const mine = publisher.events.filter((e) => e.articleId === article.id);
    expect(mine.map((e) => [e.type, e.version])).toEqual([
      ['ArticleCreated', 1],
      ['ArticleSubmitted', 2],
      ['ChangesRequested', 3],
      ['ArticleSubmitted', 4],
    ]);
    expect(mine[2]!.comment).toBe('Source the troop figure.');
    expect(await outbox.articlesWithPendingEvents(100)).not.toContain(article.id);
    await drainer.drainOnce();
    expect(publisher.events.filter((e) => e.articleId === article.id)).toHaveLength(4);
  });

  it('keeps events while the receiver is down and delivers them after', async () => {
    const article = await inReview();
    const publisher = new RecordingPublisher();
    publisher.failing = true;
    const drainer = new OutboxDrainer(
      outbox,
      publisher,
      { warn: () => undefined },
      { batch: 100, concurrency: 4, baseDelayMs: 1, maxDelayMs: 1 },
    );
    await drainer.drainOnce();
    expect(await outbox.articlesWithPendingEvents(100)).toContain(article.id);
    const history = (await articleHistory(deps, reporter, article.id)).items;
    expect(history.map((h) => h.type)).toEqual(['ArticleCreated', 'ArticleSubmitted']);
    publisher.failing = false;
    await new Promise((r) => setTimeout(r, 5));
    await drainer.drainOnce();
    expect(publisher.events.map((e) => e.articleId)).toContain(article.id);
    expect(await outbox.articlesWithPendingEvents(100)).not.toContain(article.id);
  });
});

describe('history', () => {
  async function allPages(id: string, limit: number) {
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await articleHistory(deps, reporter, id, { limit: String(limit), cursor });
      pages.push(page.items.map((h) => `${h.version}:${h.type}`));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return pages;
  }

  it('pages oldest first across delivered and undelivered events, the same before and after delivery', async () => {
    const article = await draft();
    for (let i = 0; i < 3; i++) {
      await transitionArticle(deps, reporter, article.id, 'submit', () => ({}), undefined);
      await transitionArticle(deps, reporter, article.id, 'withdraw', () => ({}), undefined);
    }
    const expected = [
      '1:ArticleCreated',
      ...[2, 3, 4, 5, 6, 7].map((v) => `${v}:${v % 2 === 0 ? 'ArticleSubmitted' : 'ArticleWithdrawn'}`),
    ];
    const before = await allPages(article.id, 4);
    expect(before).toEqual([expected.slice(0, 4), expected.slice(4)]);
    await dispatchArticle(outbox, new RecordingPublisher(), article.id);
    expect(await allPages(article.id, 4)).toEqual(before);
    expect(await allPages(article.id, 7)).toEqual([expected]);
    expect((await allPages(article.id, 1)).flat()).toEqual(expected);
  });
});

/** Seeded CJK text (mulberry32), the same on every run, that deflate cannot shrink much. */
function cjk(length: number, seed = 7): string {
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  return Array.from({ length }, () => String.fromCharCode(0x4e00 + (next() % 1_000))).join('');
}

const cjkFile = (n: number): Media => ({
  id: randomUUID(),
  filename: `${cjk(250, n)}.png`,
  contentType: 'image/png',
  size: 1_000,
  caption: cjk(1_000, n + 1),
  credit: cjk(300, n + 2),
  status: 'ready',
  reason: null,
  width: 10,
  height: 10,
  createdAt: new Date().toISOString(),
  verifiedAt: new Date().toISOString(),
});

/** What the article holds in UTF-8, as DynamoDB counts it, leaving out attribute names and overheads. */
async function utf8Floor(id: string): Promise<number> {
  const { Item } = await dynamo.db.send(new GetCommand({ TableName: dynamo.tableName, Key: { PK: `ARTICLE#${id}`, SK: 'ARTICLE' } }));
  const strings = (v: unknown): number =>
    typeof v === 'string'
      ? Buffer.byteLength(v)
      : v instanceof Uint8Array
        ? v.byteLength
        : v && typeof v === 'object'
          ? Object.values(v).reduce((n: number, x) => n + strings(x), 0)
          : 0;
  return strings(Item);
}

describe('item size, counted as DynamoDB counts it', () => {
  const content = () => ({
    headline: cjk(300, 1),
    standfirst: cjk(1_000, 2),
    body: cjk(150_000, 3),
    tags: Array.from({ length: 20 }, (_, i) => cjk(50, 10 + i)),
  });

  it('refuses a file (409) before a CJK article with files outgrows 400 KB in UTF-8, though dynalite would take it', async () => {
    const article = await createArticle(deps, reporter, content);
    let attached = 0;
    let refusal: unknown;
    for (; attached < 50; attached++) {
      const seen = await readArticle(deps, reporter, article.id);
      try {
        await deps.articles.attachMedia(seen, cjkFile(attached * 3), 50);
      } catch (err) {
        refusal = err;
        break;
      }
    }
    expect(refusal).toBeInstanceOf(ProblemError);
    expect((refusal as ProblemError).statusCode).toBe(409);
    const stored = await utf8Floor(article.id);
    expect(stored).toBeLessThanOrEqual(400 * 1024);
    // One more file would have passed the limit, in UTF-8 alone.
    expect(stored + Buffer.byteLength(JSON.stringify(cjkFile(0)))).toBeGreaterThan(400 * 1024 - 16 * 1024);
    expect(attached).toBeLessThan(50);
    // The article still works: it can move through the workflow.
    await transitionArticle(deps, reporter, article.id, 'submit', () => ({}), undefined);
  });

  it('refuses an edit (413) that would take an article with files past the limit in UTF-8', async () => {
    const article = await createArticle(deps, reporter, () => ({ headline: '記事', body: '短い本文。' }));
    for (let i = 0; i < 40; i++) {
      const seen = await readArticle(deps, reporter, article.id);
      await deps.articles.attachMedia(seen, cjkFile(i * 3), 50);
    }
    const seen = await readArticle(deps, reporter, article.id);
    const err = await editArticle(deps, reporter, article.id, () => ({ body: content().body }), `"${seen.version}"`).catch((e) => e);
    expect(err).toBeInstanceOf(ProblemError);
    expect((err as ProblemError).statusCode).toBe(413);
    expect((err as ProblemError).message).toContain('UTF-8');
    expect((await readArticle(deps, reporter, article.id)).body).toBe('短い本文。');
  });
});

describe('lists', () => {
  it('pages newest first with an opaque cursor, and refuses a forged one', async () => {
    const author: Actor = { id: `lister-${randomUUID()}`, name: 'Lister', groups: ['reporters'] };
    const created = [];
    for (let i = 0; i < 7; i++) created.push(await draft(author, `Story ${i}`));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listArticles(lists, author, { author: author.id, limit: '3', cursor });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((a) => a.headline));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(created.map((a) => a.headline).reverse());
    expect(await statusOf(listArticles(lists, author, { cursor: 'bm90LWEtY3Vyc29y' }))).toBe(400);
    expect(await statusOf(listArticles(lists, author, { limit: '101' }))).toBe(400);
  });

  it('reads a bounded number of items per request for a filtered list, and still pages to the end', async () => {
    const prolific: Actor = { id: `prolific-${randomUUID()}`, name: 'Prolific', groups: ['reporters'] };
    const drafts = 600;
    const publishedAt = new Set([0, 250, drafts - 1]);
    const mine: string[] = [];
    const published: string[] = [];
    for (let i = 0; i < drafts; i += 50) {
      const batch = await Promise.all(Array.from({ length: 50 }, (_, j) => draft(prolific, `Draft ${i + j}`)));
      mine.push(...batch.map((a) => a.id));
      for (const [j, a] of batch.entries()) {
        if (!publishedAt.has(i + j)) continue;
        await transitionArticle(deps, prolific, a.id, 'submit', () => ({}), undefined);
        await transitionArticle(deps, chief, a.id, 'approve', () => ({}), '"2"');
        published.push(a.id);
      }
    }
    // Count what DynamoDB reads for each request, as its ScannedCount reports it.
    let scanned = 0;
    const counted = DynamoDBDocumentClient.from(
      new DynamoDBClient({ endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 }),
    );
    counted.middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        scanned += (result.output as { ScannedCount?: number }).ScannedCount ?? 0;
        return result;
      },
      { step: 'initialize', name: 'countScanned' },
    );
    const countedLists = new DynamoArticleLists(counted, dynamo.tableName);
    try {
      for (const asker of [editor, otherReporter, prolific]) {
        const seen: string[] = [];
        const readsPerRequest: number[] = [];
        let cursor: string | undefined;
        do {
          scanned = 0;
          const page = await listArticles(countedLists, asker, { author: prolific.id, status: 'published', limit: '1', cursor });
          readsPerRequest.push(scanned);
          seen.push(...page.items.map((a) => a.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(seen).toEqual([...published].reverse());
        expect(Math.max(...readsPerRequest)).toBeLessThanOrEqual(LIST_READ_CAP);
        expect(readsPerRequest.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(drafts + 3 * readsPerRequest.length);
      }
      // The author's own view merges two sources, one filtered: still every item once, newest first.
      const merged: { id: string; createdAt: string }[] = [];
      let cursor: string | undefined;
      do {
        scanned = 0;
        const page = await listArticles(countedLists, prolific, { limit: '100', cursor });
        expect(scanned).toBeLessThanOrEqual(LIST_READ_CAP + 100);
        merged.push(...page.items.map((a) => ({ id: a.id, createdAt: a.createdAt })));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      const ids = merged.map((a) => a.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(expect.arrayContaining(mine));
      const order = merged.map((a) => `${a.createdAt}#${a.id}`);
      expect(order).toEqual([...order].sort().reverse());
    } finally {
      counted.destroy();
    }
  }, 120_000);

  it('shows a reporter their own desk and everything published, but not other drafts', async () => {
    const me: Actor = { id: `desk-${randomUUID()}`, name: 'Desk', groups: ['reporters'] };
    const other: Actor = { id: `other-${randomUUID()}`, name: 'Other', groups: ['reporters'] };
    const mine = await draft(me, 'My draft');
    const theirs = await draft(other, 'Their draft');
    const published = await draft(other, 'Their published piece');
    await transitionArticle(deps, other, published.id, 'submit', () => ({}), undefined);
    await transitionArticle(deps, chief, published.id, 'approve', () => ({}), '"2"');

    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listArticles(lists, me, { limit: '2', cursor });
      ids.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(ids).toContain(mine.id);
    expect(ids).toContain(published.id);
    expect(ids).not.toContain(theirs.id);
    expect(new Set(ids).size).toBe(ids.length);

    const editorView = await listArticles(lists, editor, { author: other.id });
    expect(editorView.items.map((a) => a.id).sort()).toEqual([theirs.id, published.id].sort());
    expect(editorView.items.every((a) => a.body === undefined)).toBe(true);
  });
});
