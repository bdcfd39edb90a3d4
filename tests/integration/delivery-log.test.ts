import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Delivery } from '../../lambdas/domain/deliveries.js';
import { ProblemError } from '../../lambdas/domain/errors.js';
import { DynamoDeliveryLog, type DeliveryQuery } from '../../lambdas/store/delivery-log.js';
import { ensureTable } from '../../local/storage.js';
import { startDynamo } from '../support/dynamo.js';
import { at, CMS, DAY, event, freshLog, T0, walk, WIRE } from '../support/delivery-log-pages.js';

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
beforeAll(async () => {
  dynamo = await startDynamo('newsroom-delivery-log');
});
afterAll(() => dynamo.stop());

const ids = (items: Delivery[]) => items.map((d) => `${d.eventId}@${d.target.id}`);

async function problemOf(p: Promise<unknown>) {
  try {
    await p;
    return undefined;
  } catch (err) {
    if (err instanceof ProblemError) {
      const pointer = (err.extra.errors as { pointer: string }[] | undefined)?.[0]?.pointer;
      return { status: err.statusCode, parameter: pointer?.replace(/^\/query\//, '') };
    }
    throw err;
  }
}

describe('the delivery log', () => {
  it('numbers attempts per event and target, keeps the latest ten in full, and takes its status from the latest', async () => {
    const log = await freshLog(dynamo.endpoint, dynamo.db);
    const e = event('a1', 2, 0);
    await log.pending([e], [CMS, WIRE], at(T0));
    const pending = (await log.list({ articleId: 'a1', status: 'pending', limit: 10 }, at(T0))).items;
    expect(pending.map((d) => d.target).sort((a, b) => a.id.localeCompare(b.id))).toEqual([CMS, WIRE]);
    for (const d of pending)
      expect(d).toMatchObject({ eventId: e.id, status: 'pending', attempts: 0, lastAttempt: null, recentAttempts: [] });

    for (let i = 0; i < 11; i++) {
      await log.recordAttempt(
        { event: e, target: CMS, statusCode: 503, latencyMs: 12, at: new Date(T0 + i * 1000).toISOString() },
        at(T0 + i),
      );
    }
    const failed = await log.recordAttempt(
      { event: e, target: CMS, error: 'unreachable: ECONNREFUSED', latencyMs: 3, at: 'x' },
      at(T0 + 20),
    );
    expect(failed).toMatchObject({ status: 'failed', attempts: 12, lastAttempt: { attempt: 12, error: 'unreachable: ECONNREFUSED' } });
    expect(failed.recentAttempts.map((a) => a.attempt)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const delivered = await log.recordAttempt({ event: e, target: CMS, statusCode: 204, latencyMs: 8, at: 'y' }, at(T0 + 30));
    expect(delivered).toMatchObject({ status: 'delivered', attempts: 13, lastAttempt: { attempt: 13, statusCode: 204, latencyMs: 8 } });
    // A redirect is a failed attempt: it is never followed.
    const redirected = await log.recordAttempt({ event: e, target: WIRE, statusCode: 307, latencyMs: 5, at: 'z' }, at(T0 + 40));
    expect(redirected).toMatchObject({ status: 'failed', attempts: 1 });

    // Attempts racing for the same record each get a number of their own.
    const raced = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        log.recordAttempt({ event: e, target: WIRE, statusCode: 500, latencyMs: 1, at: `r${i}` }, at(T0 + 50)),
      ),
    );
    expect(raced.map((d) => d.attempts).sort()).toEqual([2, 3, 4, 5, 6]);

    // A pending record never overwrites one that has attempts.
    await log.pending([e], [CMS, WIRE], at(T0 + 60));
    const stored = await log.ofEvent(e.id, at(T0 + 60));
    expect(stored.map((d) => [d.target.id, d.status, d.attempts]).sort()).toEqual([
      ['cms', 'delivered', 13],
      ['wire', 'failed', 6],
    ]);
    expect(stored[0]!.event).toEqual(e);
  });

  it('lists newest event first, a page at a time, by status, by article, or both, each record once', async () => {
    const log = await freshLog(dynamo.endpoint, dynamo.db);
    const events = [
      ...Array.from({ length: 6 }, (_, i) => event('art-a', i + 2, i * 2)),
      ...Array.from({ length: 5 }, (_, i) => event('art-b', i + 2, i * 2 + 1)),
    ];
    await log.pending(events, [CMS, WIRE], at(T0));
    // art-a's even versions are delivered to cms, its odd ones fail there; art-b's first two are delivered to wire.
    const expected = new Map<string, string>();
    for (const e of events) for (const t of [CMS, WIRE]) expected.set(`${e.id}@${t.id}`, 'pending');
    for (const e of events.filter((e) => e.articleId === 'art-a')) {
      const ok = e.version % 2 === 0;
      await log.recordAttempt({ event: e, target: CMS, statusCode: ok ? 200 : 500, latencyMs: 1, at: e.occurredAt }, at(T0));
      expected.set(`${e.id}@cms`, ok ? 'delivered' : 'failed');
    }
    for (const e of events.filter((e) => e.articleId === 'art-b').slice(0, 2)) {
      await log.recordAttempt({ event: e, target: WIRE, statusCode: 204, latencyMs: 1, at: e.occurredAt }, at(T0));
      expected.set(`${e.id}@wire`, 'delivered');
    }

    const newestFirst = (items: Delivery[]) =>
      [...items].sort((a, b) => (a.occurredAt === b.occurredAt ? 0 : a.occurredAt < b.occurredAt ? 1 : -1)).map((d) => d.occurredAt);
    const queries: Omit<DeliveryQuery, 'cursor'>[] = [
      { limit: 3 },
      { limit: 100 },
      { status: 'failed', limit: 2 },
      { status: 'delivered', limit: 3 },
      { status: 'pending', limit: 4 },
      { articleId: 'art-a', limit: 5 },
      { articleId: 'art-b', status: 'delivered', limit: 1 },
      { articleId: 'art-a', status: 'pending', limit: 2 },
    ];
    for (const q of queries) {
      const pages = await walk(log, q, at(T0 + 1000), 50);
      const all = pages.flat();
      for (const page of pages.slice(0, -1)) expect(page.length).toBe(q.limit);
      expect(all.map((d) => d.occurredAt)).toEqual(newestFirst(all));
      const want = [...expected.entries()]
        .filter(([key, status]) => (!q.status || status === q.status) && (!q.articleId || key.startsWith(`${q.articleId}:`)))
        .map(([key]) => key);
      expect({ q, got: ids(all).sort() }).toEqual({ q, got: want.sort() });
      for (const d of all) expect(d.status).toBe(expected.get(`${d.eventId}@${d.target.id}`));
    }
    expect((await log.list({ status: 'failed', limit: 100 }, at(T0 + 1000))).items.every((d) => d.lastAttempt?.statusCode === 500)).toBe(
      true,
    );
  });

  it('takes a cursor only for the query that made it', async () => {
    const log = await freshLog(dynamo.endpoint, dynamo.db);
    await log.pending(
      Array.from({ length: 4 }, (_, i) => event('art-c', i + 2, i)),
      [CMS],
      at(T0),
    );
    const first = await log.list({ status: 'pending', limit: 2 }, at(T0));
    expect(first.nextCursor).toEqual(expect.any(String));
    const cursor = first.nextCursor!;
    expect((await log.list({ status: 'pending', limit: 2, cursor }, at(T0))).items).toHaveLength(2);
    // Another limit is the same query: a client may change its page size.
    expect((await log.list({ status: 'pending', limit: 5, cursor }, at(T0))).items).toHaveLength(2);
    for (const other of [{ status: 'failed' as const }, {}, { articleId: 'art-c' }, { articleId: 'art-c', status: 'pending' as const }]) {
      expect(await problemOf(log.list({ ...other, limit: 2, cursor }, at(T0)))).toEqual({ status: 400, parameter: 'cursor' });
    }
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(cursor, 'base64url').toString()), p: ['ARTICLE#x'] })).toString(
      'base64url',
    );
    for (const bad of ['not-a-cursor', forged, Buffer.from('null').toString('base64url')]) {
      expect(await problemOf(log.list({ status: 'pending', limit: 2, cursor: bad }, at(T0)))).toEqual({ status: 400, parameter: 'cursor' });
    }
  });

  it('keeps records 7 days after their last change: expired ones are never listed, and the sweep deletes them', async () => {
    const log = await freshLog(dynamo.endpoint, dynamo.db);
    const old = event('art-d', 2, 0);
    const retried = event('art-d', 3, 1);
    const recent = event('art-d', 4, 2);
    await log.pending([old, retried], [CMS], at(T0));
    await log.recordAttempt({ event: old, target: CMS, statusCode: 204, latencyMs: 1, at: old.occurredAt }, at(T0));
    // Attempted again six days later: kept 7 days from then.
    await log.recordAttempt({ event: retried, target: CMS, statusCode: 500, latencyMs: 1, at: 'later' }, at(T0 + 6 * DAY));
    await log.pending([recent], [CMS], at(T0 + 6 * DAY));

    const listed = async (now: number) => ids((await walk(log, { limit: 10 }, at(now), 50)).flat()).sort();
    expect(await listed(T0 + 6 * DAY)).toHaveLength(3);
    const eightDays = T0 + 8 * DAY;
    expect(await listed(eightDays)).toEqual([`${retried.id}@cms`, `${recent.id}@cms`].sort());
    expect(await log.ofEvent(old.id, at(eightDays))).toEqual([]);
    expect((await log.list({ articleId: 'art-d', limit: 10 }, at(eightDays))).items.map((d) => d.eventId).sort()).toEqual(
      [retried.id, recent.id].sort(),
    );

    expect(await log.sweepExpired(at(eightDays))).toBe(1);
    expect(await log.sweepExpired(at(eightDays))).toBe(0);
    // Gone from the table, not only hidden: it is not there even for a reader whose clock is behind.
    expect(await listed(T0 + 6 * DAY)).toEqual([`${retried.id}@cms`, `${recent.id}@cms`].sort());
    expect(await log.sweepExpired(at(T0 + 14 * DAY))).toBe(2);
    expect(await listed(T0)).toEqual([]);
  });
});

describe('a local table made before the deliveries index', () => {
  it('gets every index on start and keeps every item', async () => {
    const { CreateTableCommand, DescribeTableCommand } = await import('@aws-sdk/client-dynamodb');
    const { PutCommand, GetCommand } = await import('@aws-sdk/lib-dynamodb');
    const { TABLE_INDEXES } = await import('../../lambdas/store/table-schema.js');
    const name = `older-${randomUUID()}`;
    const older = TABLE_INDEXES.filter((ix) => ix.name !== 'deliveries');
    await dynamo.db.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: 'PK', KeyType: 'HASH' },
          { AttributeName: 'SK', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: ['PK', 'SK', ...older.flatMap((ix) => [ix.partitionKey, ix.sortKey])].map((n) => ({
          AttributeName: n,
          AttributeType: 'S',
        })),
        GlobalSecondaryIndexes: older.map((ix) => ({
          IndexName: ix.name,
          KeySchema: [
            { AttributeName: ix.partitionKey, KeyType: 'HASH' },
            { AttributeName: ix.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'KEYS_ONLY' },
        })),
      }),
    );
    for (let i = 0; i < 60; i++) {
      await dynamo.db.send(new PutCommand({ TableName: name, Item: { PK: `ARTICLE#a${i}`, SK: 'ARTICLE', body: Buffer.from([i]), n: i } }));
    }
    await ensureTable(dynamo.endpoint, name);
    const { Table } = await dynamo.db.send(new DescribeTableCommand({ TableName: name }));
    expect(Table!.GlobalSecondaryIndexes!.map((ix) => ix.IndexName).sort()).toEqual(TABLE_INDEXES.map((ix) => ix.name).sort());
    for (const i of [0, 59]) {
      const { Item } = await dynamo.db.send(new GetCommand({ TableName: name, Key: { PK: `ARTICLE#a${i}`, SK: 'ARTICLE' } }));
      expect(Item).toEqual({ PK: `ARTICLE#a${i}`, SK: 'ARTICLE', body: new Uint8Array([i]), n: i });
    }
    const log = new DynamoDeliveryLog(dynamo.db, name);
    await log.pending([event('art-e', 2, 0)], [CMS], at(T0));
    expect((await log.list({ status: 'pending', limit: 5 }, at(T0))).items).toHaveLength(1);
  });
});

describe('recording is never a condition of delivery', () => {
  it('delivers, and warns, when the log cannot be written', async () => {
    const { WebhookReceiver } = await import('../support/webhook-receiver.js');
    const { WebhookPublisher } = await import('../../lambdas/adapters/webhook-publisher.js');
    const { attemptRecorder, PendingDeliveries } = await import('../../lambdas/store/delivery-recording.js');
    const secret = `whsec_${Buffer.from(randomUUID()).toString('base64')}`;
    const receiver = await new WebhookReceiver(secret).start();
    try {
      // A table that is not there: every write to the log fails as DynamoDB fails it.
      const broken = new DynamoDeliveryLog(dynamo.db, `missing-${randomUUID()}`);
      const warnings: string[] = [];
      const warn = (message: string, extra: Record<string, unknown>) => warnings.push(`${message} ${JSON.stringify(extra)}`);
      const target = { id: '1', origin: new URL(receiver.url).origin };
      const publisher = new PendingDeliveries(
        new WebhookPublisher([receiver.url], secret, { onAttempt: attemptRecorder(broken, [target], warn) }),
        broken,
        [target],
        warn,
      );
      const e = event('art-f', 2, 0);
      await publisher.publish([e]);
      expect(receiver.received.map((r) => r.id)).toEqual([e.id]);
      expect(warnings).toHaveLength(2);
      expect(warnings[0]).toMatch(/not recorded as pending/);
      expect(warnings[1]).toMatch(/attempt was not recorded.*ResourceNotFound/);
      // The warning names the event and the target, never the URL's path.
      expect(warnings.join()).not.toContain('/hooks/newsroom');
    } finally {
      await receiver.stop();
    }
  });
});
