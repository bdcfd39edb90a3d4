import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DynamoDBClient, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoIdempotencyStore } from '../../lambdas/store/idempotency-store.js';
import { keys } from '../../lambdas/store/keys.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/storage.js';
import { startDynamo } from '../support/dynamo.js';

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let db: DynamoDBDocumentClient;
/** Runs before each request the store sends, with its operation and key. */
let before: ((command: string, key: unknown) => Promise<void>) | undefined;

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-idempotency-claims');
  db = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  db.middlewareStack.add(
    (next, context) => async (args) => {
      await before?.(String(context.commandName), (args.input as { Key?: unknown }).Key);
      return next(args);
    },
    { step: 'initialize', name: 'beforeRequest' },
  );
});
afterAll(async () => {
  db.destroy();
  await dynamo.stop();
});

const T0 = Date.parse('2026-11-25T10:00:00.000Z');
const stored = async (recordId: string) =>
  (await dynamo.db.send(new GetCommand({ TableName: dynamo.tableName, Key: keys.idempotency(recordId) }))).Item;

describe('an idempotency claim', () => {
  it('is stored as in progress, locked for 30 seconds, kept for 24 hours, and tidied by TTL in whole seconds after that', async () => {
    const store = new DynamoIdempotencyStore(db, dynamo.tableName);
    const id = randomUUID();
    before = undefined;
    await store.begin(id, 'fp-1', new Date(T0 + 250));
    expect(await stored(id)).toEqual({
      ...keys.idempotency(id),
      status: 'in_progress',
      fingerprint: 'fp-1',
      lockUntil: T0 + 250 + 30_000,
      expiresAt: T0 + 250 + 86_400_000,
      // Epoch seconds, as DynamoDB's TTL reads them, never before the record expires.
      ttl: Date.parse('2026-11-26T10:00:01.000Z') / 1000,
    });
  });

  it('whose record vanished between the refused claim and the read (TTL deleted it) starts the request', async () => {
    const store = new DynamoIdempotencyStore(db, dynamo.tableName);
    const id = randomUUID();
    before = undefined;
    await store.begin(id, 'fp', new Date(T0));
    let deleted = false;
    before = async (command) => {
      if (command === 'GetItemCommand' && !deleted) {
        deleted = true;
        await dynamo.db.send(new DeleteCommand({ TableName: dynamo.tableName, Key: keys.idempotency(id) }));
      }
    };
    try {
      expect(await store.begin(id, 'fp-2', new Date(T0 + 1000))).toEqual({ state: 'started' });
    } finally {
      before = undefined;
    }
    expect(deleted).toBe(true);
    expect(await stored(id)).toMatchObject({ status: 'in_progress', fingerprint: 'fp-2' });
  });

  it('that DynamoDB throttles fails with that error, not as a request in progress', async () => {
    const store = new DynamoIdempotencyStore(db, dynamo.tableName);
    const id = randomUUID();
    before = undefined;
    await store.begin(id, 'fp', new Date(T0));
    before = async (command) => {
      if (command === 'UpdateItemCommand') {
        throw new ProvisionedThroughputExceededException({ message: 'Rate of requests exceeds the allowed throughput.', $metadata: {} });
      }
    };
    try {
      await expect(store.begin(id, 'fp', new Date(T0 + 1000))).rejects.toBeInstanceOf(ProvisionedThroughputExceededException);
    } finally {
      before = undefined;
    }
  });
});
