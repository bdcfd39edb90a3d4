import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Delivery } from '../../lambdas/domain/deliveries.js';
import { ProblemError } from '../../lambdas/domain/errors.js';
import type { DynamoDeliveryLog } from '../../lambdas/store/delivery-log.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/storage.js';
import { startDynamo } from '../support/dynamo.js';
import { at, CMS, DAY, event, freshLog, T0, walk } from '../support/delivery-log-pages.js';

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let db: DynamoDBDocumentClient;
/** Each query sent: its partition, its Limit, and how many records it read (before the filter). */
const queries: { partition: string; limit: number; scanned: number }[] = [];

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-delivery-pages');
  db = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  db.middlewareStack.add(
    (next, context) => async (args) => {
      const out = await next(args);
      if (context.commandName === 'QueryCommand') {
        const input = args.input as { Limit?: number; ExpressionAttributeValues?: Record<string, unknown> };
        const pk = input.ExpressionAttributeValues?.[':pk'] as string | { S: string };
        queries.push({
          partition: typeof pk === 'string' ? pk : pk.S,
          limit: Number(input.Limit),
          scanned: Number((out.output as { ScannedCount?: number }).ScannedCount),
        });
      }
      return out;
    },
    { step: 'initialize', name: 'recordQueries' },
  );
});
afterAll(async () => {
  db.destroy();
  await dynamo.stop();
});

const minutes = (items: Delivery[]) => items.map((d) => (Date.parse(d.occurredAt) - T0) / 60_000);

/** Records of one article, newest first, each delivered (`d`), failed (`f`) or left pending (`p`). */
async function article(log: DynamoDeliveryLog, statuses: string) {
  const articleId = `art-${randomUUID()}`;
  const events = [...statuses].map((s, i) => ({ e: event(articleId, 100 - i, 100 - i), s }));
  await log.pending(
    events.map((x) => x.e),
    [CMS],
    at(T0),
  );
  for (const { e, s } of events) {
    if (s !== 'p') await log.recordAttempt({ event: e, target: CMS, statusCode: s === 'd' ? 204 : 500, latencyMs: 1, at: 'x' }, at(T0));
  }
  return articleId;
}

async function problemOf(p: Promise<unknown>) {
  try {
    await p;
    return undefined;
  } catch (err) {
    if (!(err instanceof ProblemError)) throw err;
    return { status: err.statusCode, detail: err.message, errors: err.extra.errors };
  }
}

describe('pages of the delivery log', () => {
  it('end with no cursor exactly when nothing is left, and skip no record', async () => {
    const log = await freshLog(dynamo.endpoint, db);
    const now = at(T0 + 1000);
    // Exactly one page's worth.
    const two = await article(log, 'dd');
    const page = await log.list({ articleId: two, limit: 2 }, now);
    expect(minutes(page.items)).toEqual([100, 99]);
    expect(page.nextCursor).toBeNull();

    // A full page is found in one read of one record more than the page.
    const six = await article(log, 'dddddd');
    queries.length = 0;
    expect(minutes((await log.list({ articleId: six, limit: 2 }, now)).items)).toEqual([100, 99]);
    expect(queries.map((q) => [q.limit, q.scanned])).toEqual([[3, 3]]);

    // The last matches are found on the first read; what is read after them does not match.
    const failedFirst = await article(log, 'ffpp');
    const failed = await log.list({ articleId: failedFirst, status: 'failed', limit: 2 }, now);
    expect(minutes(failed.items)).toEqual([100, 99]);
    expect(failed.nextCursor).toBeNull();

    // One more match than a page holds, found on a second read that ends the partition.
    const spread = await article(log, 'fpff');
    expect((await walk(log, { articleId: spread, status: 'failed', limit: 2 }, now, 20)).map(minutes)).toEqual([[100, 98], [97]]);
  });

  it('read at most 200 records of a source for one page, and hand out nothing older than a source has been read to', async () => {
    const log = await freshLog(dynamo.endpoint, db);
    const chunks = <T>(all: T[]) => Array.from({ length: Math.ceil(all.length / 25) }, (_, i) => all.slice(i * 25, i * 25 + 25));
    // Records that expired long ago, newer than every record still kept: 205 failed ones, and
    // 205 pending ones newer still.
    const long = at(T0 - 30 * DAY);
    const gonePending = Array.from({ length: 205 }, (_, i) => event(`gone-${randomUUID()}`, 2, 500 + i));
    const goneFailed = Array.from({ length: 205 }, (_, i) => event(`gone-${randomUUID()}`, 2, 100 + i));
    await Promise.all(chunks([...gonePending, ...goneFailed]).map((c) => log.pending(c, [CMS], long)));
    await Promise.all(
      chunks(goneFailed).map(async (c) => {
        for (const e of c) await log.recordAttempt({ event: e, target: CMS, statusCode: 500, latencyMs: 1, at: 'x' }, long);
      }),
    );
    const kept = `art-${randomUUID()}`;
    const pendingLive = [event(kept, 2, 450), event(kept, 3, 0)];
    const delivered = [event(kept, 4, 900), event(kept, 5, 300), event(kept, 6, 40), event(kept, 7, 10)];
    const failed = event(kept, 8, 50);
    await log.pending([...pendingLive, ...delivered, failed], [CMS], at(T0));
    for (const e of delivered) await log.recordAttempt({ event: e, target: CMS, statusCode: 204, latencyMs: 1, at: 'x' }, at(T0));
    await log.recordAttempt({ event: failed, target: CMS, statusCode: 500, latencyMs: 1, at: 'x' }, at(T0));

    const now = at(T0 + 1000);
    queries.length = 0;
    const first = await log.list({ limit: 2 }, now);
    // The pending source stopped at its read cap near minute 505, the failed one near 105: the
    // delivered record of minute 300 waits until the pending records above it have been read.
    expect(minutes(first.items)).toEqual([900]);
    for (const status of ['pending', 'failed']) {
      const reads = queries.filter((q) => q.partition === `DELIVERIES#${status}`);
      expect({ status, scanned: reads.reduce((n, q) => n + q.scanned, 0) }).toEqual({ status, scanned: 200 });
    }
    for (const q of queries) expect(q.limit).toBeLessThanOrEqual(3);

    const rest = await walk(log, { limit: 2 }, now, 20);
    expect(rest.flat().map((d) => d.status)).toEqual(['delivered', 'pending', 'delivered', 'failed', 'delivered', 'delivered', 'pending']);
    expect(rest.map(minutes).flat()).toEqual([900, 450, 300, 50, 40, 10, 0]);
    for (const page of rest.slice(1, -1)) expect(page).toHaveLength(2);
  });

  it('take a cursor only for the article that made it, and say why not', async () => {
    const log = await freshLog(dynamo.endpoint, db);
    const a = await article(log, 'ddd');
    const b = await article(log, 'ddd');
    const cursor = (await log.list({ articleId: a, limit: 1 }, at(T0 + 1000))).nextCursor!;
    expect(minutes((await log.list({ articleId: a, limit: 1, cursor }, at(T0 + 1000))).items)).toEqual([99]);
    const refused = {
      status: 400,
      detail: 'The cursor is not valid for this list of deliveries.',
      errors: [{ pointer: '/query/cursor', message: 'The cursor is not valid for this list of deliveries.' }],
    };
    expect(await problemOf(log.list({ articleId: b, limit: 1, cursor }, at(T0 + 1000)))).toEqual(refused);

    const { q } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { q: string };
    const forge = (c: unknown) => Buffer.from(JSON.stringify(c)).toString('base64url');
    for (const bad of [
      forge({ q, p: { length: 1 } }),
      forge({ q, p: 'x' }),
      forge({ q }),
      forge(null),
      forge({ q, p: [null, null] }),
      forge({ q, p: ['ARTICLE#x'] }),
      forge({ q, p: [5] }),
    ]) {
      expect(await problemOf(log.list({ articleId: a, limit: 1, cursor: bad }, at(T0 + 1000)))).toEqual(refused);
    }
  });
});
