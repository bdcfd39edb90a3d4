import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BatchWriteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { SiteRecord } from '../../lambdas/usecases/site-ports.js';
import { DynamoSiteIndex } from '../../lambdas/store/site-index.js';
import { ensureTable } from '../../local/storage.js';
import { startDynamo } from '../support/dynamo.js';

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
beforeAll(async () => {
  dynamo = await startDynamo();
});
afterAll(() => dynamo.stop());

function record(articleId: string, publishedAt: string, state: SiteRecord['state'] = 'live', renderedVersion = 3): SiteRecord {
  return {
    articleId,
    slug: `slug-${articleId}`,
    renderedVersion,
    state,
    mediaPaths: [`/media/${articleId}/a.png`],
    entry: {
      slug: `slug-${articleId}`,
      headline: `Headline ${articleId}`,
      standfirst: '',
      authorName: 'Rita Reporter',
      publishedAt,
      updatedAt: publishedAt,
    },
  };
}

async function putAll(items: Record<string, unknown>[], tableName = dynamo.tableName) {
  for (let i = 0; i < items.length; i += 25) {
    await dynamo.db.send(
      new BatchWriteCommand({ RequestItems: { [tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }),
    );
  }
}

async function freshTable(name: string): Promise<DynamoSiteIndex> {
  await ensureTable(dynamo.endpoint, name);
  return new DynamoSiteIndex(dynamo.db, name);
}

describe('the site records', () => {
  it('keep the newest render: an older one arriving late is refused and changes nothing', async () => {
    const index = await freshTable('site-renders');
    expect(await index.put(record('r1', '2026-11-25T09:00:00.000Z', 'live', 5))).toBe(true);
    expect(await index.put({ ...record('r1', '2026-11-25T09:00:00.000Z', 'live', 4), slug: 'older' })).toBe(false);
    expect(await index.get('r1')).toEqual(record('r1', '2026-11-25T09:00:00.000Z', 'live', 5));
    expect(await index.put(record('r1', '2026-11-25T09:00:00.000Z', 'unpublished', 6))).toBe(true);
    expect((await index.get('r1'))!.state).toBe('unpublished');
    expect(await index.get('r2')).toBeUndefined();
  });

  it('read a record stored without media paths as having none', async () => {
    const index = await freshTable('site-legacy');
    const { mediaPaths: _none, ...old } = record('old', '2026-11-25T09:00:00.000Z');
    await dynamo.db.send(new PutCommand({ TableName: 'site-legacy', Item: { PK: 'SITE#old', SK: 'SITE', ...old } }));
    expect(await index.get('old')).toEqual({ ...record('old', '2026-11-25T09:00:00.000Z'), mediaPaths: [] });
  });
});

describe('the front page', () => {
  it('is empty before anything was published', async () => {
    const index = await freshTable('site-empty');
    expect(await index.latest(50)).toEqual([]);
    expect(await index.frontStartedAt()).toBeUndefined();
  });

  it('lists the latest live articles, newest publication first, counting only live ones', async () => {
    const index = await freshTable('site-front');
    await index.put(record('a', '2026-11-25T08:00:00.000Z'));
    await index.put(record('b', '2026-11-25T10:00:00.000Z'));
    await index.put(record('c', '2026-11-25T09:00:00.000Z'));
    await index.put(record('gone', '2026-11-25T11:00:00.000Z', 'unpublished'));
    await index.put(record('killed', '2026-11-25T12:00:00.000Z', 'killed'));
    expect((await index.latest(2)).map((r) => r.articleId)).toStrictEqual(['b', 'c']);
    expect(await index.latest(10)).toStrictEqual([
      record('b', '2026-11-25T10:00:00.000Z'),
      record('c', '2026-11-25T09:00:00.000Z'),
      record('a', '2026-11-25T08:00:00.000Z'),
    ]);
  });

  it('drops a record the index still shows as live after it was taken down', async () => {
    const index = await freshTable('site-stale');
    await index.put(record('live', '2026-11-25T08:00:00.000Z'));
    // The byStatus index is eventually consistent: it may still list a record whose item says otherwise.
    await dynamo.db.send(
      new PutCommand({
        TableName: 'site-stale',
        Item: {
          PK: 'SITE#down',
          SK: 'SITE',
          ...record('down', '2026-11-25T09:00:00.000Z', 'unpublished'),
          GSI1PK: 'SITE#live',
          GSI1SK: '2026-11-25T09:00:00.000Z#down',
        },
      }),
    );
    expect((await index.latest(10)).map((r) => r.articleId)).toStrictEqual(['live']);
  });

  it('remembers when the latest front-page render began, never moving back', async () => {
    const index = await freshTable('site-marks');
    await index.markFrontStarted('2026-11-25T10:00:00.000Z');
    expect(await index.frontStartedAt()).toBe('2026-11-25T10:00:00.000Z');
    await index.markFrontStarted('2026-11-25T09:00:00.000Z');
    expect(await index.frontStartedAt()).toBe('2026-11-25T10:00:00.000Z');
    await index.markFrontStarted('2026-11-25T11:00:00.000Z');
    expect(await index.frontStartedAt()).toBe('2026-11-25T11:00:00.000Z');
  });
});

describe('the repair pass reads', () => {
  it('finds the records of many articles, more than one batch read holds, and only those that exist', async () => {
    const index = await freshTable('site-many');
    const stored = Array.from({ length: 130 }, (_, i) => `art-${String(i).padStart(3, '0')}`);
    await putAll(
      stored.map((id) => ({ PK: `SITE#${id}`, SK: 'SITE', ...record(id, '2026-11-25T09:00:00.000Z', 'unpublished') })),
      'site-many',
    );
    const asked = [...stored, 'never-1', 'never-2'];
    const found = await index.many(asked);
    expect(found.size).toBe(130);
    expect([...found.keys()].sort()).toStrictEqual(stored);
    expect(found.get('art-129')).toEqual(record('art-129', '2026-11-25T09:00:00.000Z', 'unpublished'));
    expect((await index.many([])).size).toBe(0);
  });

  it('reads every record when they are too large for one batch response', async () => {
    const index = await freshTable('site-large');
    const ids = ['l1', 'l2', 'l3', 'l4', 'l5', 'l6'];
    for (const id of ids) {
      const big = record(id, '2026-11-25T09:00:00.000Z');
      await index.put({ ...big, entry: { ...big.entry, standfirst: 's'.repeat(350 * 1024) } });
    }
    const found = await index.many(ids);
    expect([...found.keys()].sort()).toEqual(ids);
    expect(found.get('l6')!.entry.standfirst).toHaveLength(350 * 1024);
  }, 10_000);

  it('walks every article in the given statuses, over more than one page', async () => {
    const index = await freshTable('site-walk');
    const article = (id: string, status: string, version: number) => ({
      PK: `ARTICLE#${id}`,
      SK: 'ARTICLE',
      id,
      version,
      status,
      GSI1PK: `STATUS#${status}`,
      GSI1SK: `2026-11-25T09:00:00.000Z#${id}`,
      // Large enough that a page of the index (1 MB) holds only a few.
      headline: 'h'.repeat(300 * 1024),
    });
    await putAll(
      [1, 2, 3, 4, 5, 6].map((n) => article(`p${n}`, 'published', n)),
      'site-walk',
    );
    await putAll([article('u1', 'unpublished', 9), article('d1', 'draft', 1)], 'site-walk');
    const pages: { id: string; version: number }[][] = [];
    for await (const page of index.articlesIn(['published', 'unpublished'])) pages.push(page);
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.flat().sort((a, b) => a.id.localeCompare(b.id))).toStrictEqual([
      { id: 'p1', version: 1 },
      { id: 'p2', version: 2 },
      { id: 'p3', version: 3 },
      { id: 'p4', version: 4 },
      { id: 'p5', version: 5 },
      { id: 'p6', version: 6 },
      { id: 'u1', version: 9 },
    ]);
  }, 10_000);
});

describe('a site table that cannot be written', () => {
  it('reports the database error instead of a refused render or a kept mark', async () => {
    const index = new DynamoSiteIndex(dynamo.db, 'no-such-table');
    await expect(index.put(record('x', '2026-11-25T09:00:00.000Z'))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(index.markFrontStarted('2026-11-25T09:00:00.000Z')).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
