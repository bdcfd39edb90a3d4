import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DynamoIdempotencyStore } from '../../lambdas/store/idempotency-store.js';
import { startDynamo } from '../support/dynamo.js';

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let store: DynamoIdempotencyStore;

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-idempotency');
  store = new DynamoIdempotencyStore(dynamo.db, dynamo.tableName);
});
afterAll(() => dynamo.stop());

const at = (iso: string) => new Date(iso);
const T0 = '2026-11-25T10:00:00.000Z';
const outcome = { statusCode: 200, articleId: 'a1b2c3', version: 4 };

describe('idempotency records on DynamoDB', () => {
  it('the first request claims a key; a retry meanwhile sees it in progress, with the fingerprint', async () => {
    const id = randomUUID();
    expect(await store.begin(id, 'fp-1', at(T0))).toEqual({ state: 'started' });
    expect(await store.begin(id, 'fp-1', at('2026-11-25T10:00:29.000Z'))).toEqual({ state: 'in-progress', fingerprint: 'fp-1' });
    expect(await store.begin(id, 'fp-2', at('2026-11-25T10:00:29.999Z'))).toEqual({ state: 'in-progress', fingerprint: 'fp-1' });
  });

  it('replays the completed outcome (status, article and version) for 24 hours and no longer', async () => {
    const id = randomUUID();
    await store.begin(id, 'fp', at(T0));
    await store.complete(id, outcome);
    expect(await store.begin(id, 'fp', at('2026-11-25T10:05:00.000Z'))).toEqual({ state: 'completed', fingerprint: 'fp', outcome });
    // Long after the 30-second lock, still replayed: only expiry frees a completed key.
    expect(await store.begin(id, 'other', at('2026-11-26T09:59:59.999Z'))).toEqual({ state: 'completed', fingerprint: 'fp', outcome });
    expect(await store.begin(id, 'other', at('2026-11-26T10:00:00.001Z'))).toEqual({ state: 'started' });
    expect(await store.begin(id, 'other', at('2026-11-26T10:00:01.000Z'))).toEqual({ state: 'in-progress', fingerprint: 'other' });
  });

  it('a released key may be claimed again at once', async () => {
    const id = randomUUID();
    await store.begin(id, 'fp', at(T0));
    await store.release(id);
    expect(await store.begin(id, 'fp-corrected', at('2026-11-25T10:00:01.000Z'))).toEqual({ state: 'started' });
    expect(await store.begin(id, 'fp-corrected', at('2026-11-25T10:00:02.000Z'))).toEqual({
      state: 'in-progress',
      fingerprint: 'fp-corrected',
    });
  });

  it('a claim whose request died is taken over once its 30-second lock has passed, not before', async () => {
    const id = randomUUID();
    await store.begin(id, 'fp', at(T0));
    expect((await store.begin(id, 'fp', at('2026-11-25T10:00:30.000Z'))).state).toBe('in-progress');
    expect(await store.begin(id, 'fp', at('2026-11-25T10:00:30.001Z'))).toEqual({ state: 'started' });
    // The takeover holds its own lock.
    expect((await store.begin(id, 'fp', at('2026-11-25T10:00:31.000Z'))).state).toBe('in-progress');
  });

  it('of ten concurrent claims exactly one starts', async () => {
    const id = randomUUID();
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => store.begin(id, 'fp', at(T0))));
    expect(outcomes.filter((o) => o.state === 'started')).toHaveLength(1);
    expect(outcomes.filter((o) => o.state === 'in-progress')).toHaveLength(9);
  });

  it('keys are separate records', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await store.begin(a, 'fp', at(T0));
    await store.complete(a, outcome);
    expect(await store.begin(b, 'fp', at(T0))).toEqual({ state: 'started' });
  });
});
