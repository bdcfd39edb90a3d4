import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../lambdas/store/keys.js';
import { DynamoOutbox } from '../../lambdas/store/outbox-store.js';
import type { OutboxEntry } from '../../lambdas/usecases/ports.js';
import { ensureTable, LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/storage.js';
import { startDynamo } from '../support/dynamo.js';
import { submission } from '../support/delivery-events.js';

/**
 * BatchWriteItem may leave some of its items unprocessed (when a partition is throttled) and
 * return them in UnprocessedItems; AWS asks callers to retry those with exponential backoff
 * (API Reference, BatchWriteItem). dynalite never leaves any, so here DynamoDB's answer is
 * made to name items as unprocessed, as many times as a test asks.
 */
let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let db: DynamoDBDocumentClient;
/** How many more batch writes are answered with every item unprocessed. */
let unprocessedAnswers = 0;
/** When each batch write was sent (by the test's clock) and how many items it carried. */
const batches: { at: number; items: number }[] = [];
let inFlight = 0;

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-history-batches');
  db = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  db.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'BatchWriteItemCommand') return next(args);
      const requested = (args.input as { RequestItems: Record<string, unknown[]> }).RequestItems;
      batches.push({ at: Date.now(), items: Object.values(requested)[0]!.length });
      inFlight++;
      try {
        const out = await next(args);
        if (unprocessedAnswers > 0) {
          unprocessedAnswers--;
          (out.output as { UnprocessedItems?: unknown }).UnprocessedItems = requested;
        }
        return out;
      } finally {
        inFlight--;
      }
    },
    { step: 'initialize', name: 'unprocessedItems' },
  );
});
afterEach(() => {
  jest.useRealTimers();
});
afterAll(async () => {
  db.destroy();
  await dynamo.stop();
});

async function fresh() {
  const table = `history-${randomUUID()}`;
  await ensureTable(dynamo.endpoint, table);
  batches.length = 0;
  unprocessedAnswers = 0;
  return { table, outbox: new DynamoOutbox(db, table) };
}

function entries(articleId: string, count: number): OutboxEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    ...submission(articleId, i + 1, new Date(Date.parse('2026-11-20T10:00:00.000Z') + i * 1000)),
    seq: 0,
  }));
}

/** Runs work on a fake clock, moving it on whenever the work waits for a timer, for at most `limitMs`. */
async function onFakeClock<T>(work: () => Promise<T>, limitMs: number) {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'hrtime', 'performance'] });
  const start = Date.now();
  let settled: { value?: T; error?: unknown } | undefined;
  work().then(
    (value) => (settled = { value }),
    (error: unknown) => (settled = { error }),
  );
  const turn = () => new Promise((ok) => setImmediate(ok));
  for (let steps = 0; !settled && Date.now() - start <= limitMs && steps < 5_000; steps++) {
    // The clock stands still while a request is with the database (real I/O), then moves on.
    while (inFlight > 0) await turn();
    for (let i = 0; i < 5 && !settled; i++) await turn();
    if (!settled && inFlight === 0) await jest.advanceTimersByTimeAsync(25);
  }
  return { settled, start };
}

describe('history items written in batches', () => {
  it('retries the items DynamoDB left unprocessed until all are written', async () => {
    const { table, outbox } = await fresh();
    const articleId = randomUUID();
    unprocessedAnswers = 1;
    const { settled } = await onFakeClock(() => outbox.recordHistories(entries(articleId, 3)), 1_000);
    expect(settled).toEqual({ value: undefined });
    expect(batches.map((b) => b.items)).toEqual([3, 3]);
    const { Items = [] } = await dynamo.db.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :event)',
        ExpressionAttributeValues: { ':pk': keys.article(articleId).PK, ':event': keys.historyPrefix },
      }),
    );
    expect(Items.map((i) => i.version)).toEqual([1, 2, 3]);
  });

  it('backs off exponentially from 50 ms, and gives up after 7 writes, saying how many items were left', async () => {
    const { outbox } = await fresh();
    unprocessedAnswers = 100;
    const { settled, start } = await onFakeClock(() => outbox.recordHistories(entries(randomUUID(), 4)), 30_000);
    expect(settled?.error).toEqual(new Error('4 history items left unprocessed'));
    expect(batches.map((b) => b.at - start)).toEqual([0, 50, 150, 350, 750, 1550, 3150]);
  });
});
