import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Delivery } from '../../lambdas/domain/deliveries.js';
import { ProblemError } from '../../lambdas/domain/errors.js';
import { startDynamo } from '../support/dynamo.js';
import { at, CMS, DAY, event, freshLog, T0, walk } from '../support/delivery-log-pages.js';

let dynamo: Awaited<ReturnType<typeof startDynamo>>;

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-delivery-cuts');
});
afterAll(() => dynamo.stop());

const minutes = (items: Delivery[]) => items.map((d) => (Date.parse(d.occurredAt) - T0) / 60_000);
const chunks = <T>(all: T[]) => Array.from({ length: Math.ceil(all.length / 25) }, (_, i) => all.slice(i * 25, i * 25 + 25));

describe('the delivery log, when two statuses stop at their read cap on the same page', () => {
  it('hands out nothing older than the higher of the two points they were read to, so the log stays newest first', async () => {
    const log = await freshLog(dynamo.endpoint, dynamo.db);
    // Records that expired long ago: 205 pending ones (minutes 100–304) and, newer than all of
    // them, 205 failed ones (minutes 500–704). Each status's first read stops 200 records in.
    const long = at(T0 - 30 * DAY);
    const gonePending = Array.from({ length: 205 }, (_, i) => event(`gone-${randomUUID()}`, 2, 100 + i));
    const goneFailed = Array.from({ length: 205 }, (_, i) => event(`gone-${randomUUID()}`, 2, 500 + i));
    await Promise.all(chunks([...gonePending, ...goneFailed]).map((c) => log.pending(c, [CMS], long)));
    await Promise.all(
      Array.from({ length: 41 }, (_, i) => goneFailed.slice(i * 5, i * 5 + 5)).map(async (c) => {
        for (const e of c) await log.recordAttempt({ event: e, target: CMS, statusCode: 500, latencyMs: 1, at: 'x' }, long);
      }),
    );
    const kept = `art-${randomUUID()}`;
    const delivered = [event(kept, 3, 900), event(kept, 4, 300)];
    const failed = event(kept, 5, 400);
    await log.pending([...delivered, failed], [CMS], at(T0));
    for (const e of delivered) await log.recordAttempt({ event: e, target: CMS, statusCode: 204, latencyMs: 1, at: 'x' }, at(T0));
    await log.recordAttempt({ event: failed, target: CMS, statusCode: 500, latencyMs: 1, at: 'x' }, at(T0));

    const now = at(T0 + 1000);
    // The failed records were read down to about minute 505 only: the delivered one of minute 300
    // waits, since a failed record between 505 and 300 (minute 400) is yet to be found.
    expect(minutes((await log.list({ limit: 2 }, now)).items)).toEqual([900]);
    expect((await walk(log, { limit: 2 }, now, 20)).flat().map((d) => [(Date.parse(d.occurredAt) - T0) / 60_000, d.status])).toEqual([
      [900, 'delivered'],
      [400, 'failed'],
      [300, 'delivered'],
    ]);
  });
});

describe('a delivery log cursor', () => {
  it('whose position is not text is 400, even when it would read as a position', async () => {
    const log = await freshLog(dynamo.endpoint, dynamo.db);
    const articleId = `art-${randomUUID()}`;
    const events = [event(articleId, 3, 30), event(articleId, 2, 20), event(articleId, 1, 10)];
    await log.pending(events, [CMS], at(T0));
    const now = at(T0 + 1000);
    const { nextCursor } = await log.list({ articleId, limit: 1 }, now);
    const { q, p } = JSON.parse(Buffer.from(nextCursor!, 'base64url').toString('utf8')) as { q: string; p: [string] };
    const forge = (c: unknown) => Buffer.from(JSON.stringify(c)).toString('base64url');
    const read = async (cursor: string) => {
      try {
        return minutes((await log.list({ articleId, limit: 1, cursor }, now)).items);
      } catch (err) {
        if (!(err instanceof ProblemError)) throw err;
        return { status: err.statusCode, errors: err.extra.errors };
      }
    };

    expect(await read(forge({ q, p }))).toEqual([20]);
    expect(await read(forge({ q, p: [p] }))).toEqual({
      status: 400,
      errors: [{ pointer: '/query/cursor', message: 'The cursor is not valid for this list of deliveries.' }],
    });
  });
});
