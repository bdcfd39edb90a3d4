import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
  waitUntilTableExists,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startStorage, type LocalStorage } from '../../local/storage.js';
import { newDataDir } from '../support/local-newsroom.js';

// The stores' thread writes to LevelDB in batches: the writes of every request made at the same
// moment (items and their index entries) go together. Each request must still see only its own
// outcome, in the order dynalite's item locks give, and nothing answered may be lost.

const dataDir = newDataDir();
const local = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 };
let storage: LocalStorage;
let db: DynamoDBClient;
const open = async () => {
  storage = await startStorage(dataDir);
  db = new DynamoDBClient({ ...local, endpoint: storage.dynamoEndpoint });
};
const close = async () => {
  db.destroy();
  await storage.close();
};
beforeAll(async () => {
  await open();
  await db.send(
    new CreateTableCommand({
      TableName: 'joined',
      KeySchema: [{ AttributeName: 'PK', KeyType: 'HASH' }],
      AttributeDefinitions: [
        { AttributeName: 'PK', AttributeType: 'S' },
        { AttributeName: 'state', AttributeType: 'S' },
        { AttributeName: 'at', AttributeType: 'N' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'byState',
          KeySchema: [
            { AttributeName: 'state', KeyType: 'HASH' },
            { AttributeName: 'at', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  await waitUntilTableExists({ client: db, maxWaitTime: 10, minDelay: 0.05 }, { TableName: 'joined' });
});
afterAll(close);

const ITEMS = 60;
const key = (i: number) => ({ PK: { S: `item-${i}` } });

/** Every key of the index's partition `state`, as a query reads them. */
async function inState(state: string): Promise<string[]> {
  const found: string[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await db.send(
      new QueryCommand({
        TableName: 'joined',
        IndexName: 'byState',
        KeyConditionExpression: '#s = :s',
        ExpressionAttributeNames: { '#s': 'state' },
        ExpressionAttributeValues: { ':s': { S: state } },
        ExclusiveStartKey: start,
      }),
    );
    found.push(...(page.Items ?? []).map((item) => item.PK!.S!));
    start = page.LastEvaluatedKey;
  } while (start);
  return found.sort();
}

describe('writes made at the same moment', () => {
  it('each request gets its own outcome, and items and their index entries agree', async () => {
    await Promise.all(
      Array.from({ length: ITEMS }, (_, i) =>
        db.send(
          new PutItemCommand({ TableName: 'joined', Item: { ...key(i), state: { S: 'draft' }, at: { N: '0' }, version: { N: '0' } } }),
        ),
      ),
    );
    // Three writers race for each item, each expecting version 0: exactly one may win it.
    const outcomes = await Promise.all(
      Array.from({ length: ITEMS * 3 }, async (_, n) => {
        const i = n % ITEMS;
        const state = ['review', 'approved', 'published'][Math.floor(n / ITEMS)]!;
        try {
          await db.send(
            new UpdateItemCommand({
              TableName: 'joined',
              Key: key(i),
              UpdateExpression: 'SET #s = :s, #at = :at, version = :one',
              ConditionExpression: 'version = :zero',
              ExpressionAttributeNames: { '#s': 'state', '#at': 'at' },
              ExpressionAttributeValues: { ':s': { S: state }, ':at': { N: String(n) }, ':zero': { N: '0' }, ':one': { N: '1' } },
            }),
          );
          return { i, state };
        } catch (err) {
          if (err instanceof ConditionalCheckFailedException) return undefined;
          throw err;
        }
      }),
    );
    const winners = outcomes.filter((o) => o !== undefined);
    expect(winners).toHaveLength(ITEMS);
    expect(new Set(winners.map((w) => w.i)).size).toBe(ITEMS);

    // The item holds its winner's state, and the index lists it there and nowhere else.
    for (const w of winners) {
      const { Item } = await db.send(new GetItemCommand({ TableName: 'joined', Key: key(w.i), ConsistentRead: true }));
      expect(Item?.state?.S).toBe(w.state);
    }
    expect(await inState('draft')).toEqual([]);
    for (const state of ['review', 'approved', 'published'])
      expect(await inState(state)).toEqual(
        winners
          .filter((w) => w.state === state)
          .map((w) => `item-${w.i}`)
          .sort(),
      );
  });

  it('keeps every write it answered when the stores stop and start again', async () => {
    await Promise.all(
      Array.from({ length: ITEMS }, (_, i) =>
        db.send(
          new UpdateItemCommand({
            TableName: 'joined',
            Key: key(i),
            UpdateExpression: 'SET #s = :s',
            ExpressionAttributeNames: { '#s': 'state' },
            ExpressionAttributeValues: { ':s': { S: 'killed' } },
          }),
        ),
      ),
    );
    await close();
    await open();
    expect(await inState('killed')).toHaveLength(ITEMS);
    const { Item } = await db.send(new GetItemCommand({ TableName: 'joined', Key: key(ITEMS - 1), ConsistentRead: true }));
    expect(Item?.state?.S).toBe('killed');
  });
});
