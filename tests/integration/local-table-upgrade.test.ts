import { afterAll, describe, expect, it } from '@jest/globals';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { TABLE_INDEXES } from '../../lambdas/store/table-schema.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startStorage, TABLE_NAME, type LocalStorage } from '../../local/storage.js';
import { newDataDir } from '../support/local-newsroom.js';

let storage: LocalStorage | undefined;
afterAll(() => storage?.close());

const client = (endpoint: string) => new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });

describe('a data directory from before an index was added', () => {
  it('gets every index the schema lists, keeps its items, and gives its articles their tag items', async () => {
    const dataDir = newDataDir();
    const old: Server = dynalite({ path: join(dataDir, 'dynamodb'), createTableMs: 0 });
    await new Promise<void>((ok) => old.listen(0, '127.0.0.1', ok));
    const before = client(`http://127.0.0.1:${(old.address() as AddressInfo).port}`);
    await before.send(
      new CreateTableCommand({
        TableName: TABLE_NAME,
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: 'PK', KeyType: 'HASH' },
          { AttributeName: 'SK', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: [
          { AttributeName: 'PK', AttributeType: 'S' },
          { AttributeName: 'SK', AttributeType: 'S' },
          { AttributeName: 'GSI1PK', AttributeType: 'S' },
          { AttributeName: 'GSI1SK', AttributeType: 'S' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: 'byStatus',
            KeySchema: [
              { AttributeName: 'GSI1PK', KeyType: 'HASH' },
              { AttributeName: 'GSI1SK', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      }),
    );
    // dynalite creates a table a moment after answering, even with no delay configured.
    while ((await before.send(new DescribeTableCommand({ TableName: TABLE_NAME }))).Table?.TableStatus !== 'ACTIVE') {
      await new Promise((ok) => setTimeout(ok, 10));
    }
    await before.send(
      new PutItemCommand({ TableName: TABLE_NAME, Item: { PK: { S: 'ARTICLE#a1' }, SK: { S: 'ARTICLE' }, headline: { S: 'Kept' } } }),
    );
    // An article from before tag lists: it has tags, and no tag items.
    await before.send(
      new PutItemCommand({
        TableName: TABLE_NAME,
        Item: {
          PK: { S: 'ARTICLE#a2' },
          SK: { S: 'ARTICLE' },
          id: { S: 'a2' },
          version: { N: '4' },
          createdAt: { S: '2026-01-02T03:04:05.006Z' },
          tags: { L: [{ S: 'Élections' }, { S: '選挙' }] },
        },
      }),
    );
    before.destroy();
    await new Promise<void>((ok) => old.close(() => ok()));

    storage = await startStorage(dataDir);
    const after = client(storage.dynamoEndpoint);
    const { Table } = await after.send(new DescribeTableCommand({ TableName: TABLE_NAME }));
    expect((Table!.GlobalSecondaryIndexes ?? []).map((ix) => ix.IndexName).sort()).toEqual(TABLE_INDEXES.map((ix) => ix.name).sort());
    const { Item } = await after.send(
      new GetItemCommand({ TableName: TABLE_NAME, Key: { PK: { S: 'ARTICLE#a1' }, SK: { S: 'ARTICLE' } } }),
    );
    expect(Item?.headline).toEqual({ S: 'Kept' });
    // …and its tag items, so the tag lists find the articles it already had.
    for (const tag of ['élections', '選挙']) {
      const { Items } = await after.send(
        new QueryCommand({
          TableName: TABLE_NAME,
          IndexName: 'byTag',
          KeyConditionExpression: 'GSI7PK = :pk',
          ExpressionAttributeValues: { ':pk': { S: `TAG#${tag}` } },
        }),
      );
      expect(Items?.map((i) => [i.PK?.S, i.GSI7SK?.S])).toEqual([['ARTICLE#a2', '2026-01-02T03:04:05.006Z#a2']]);
    }
    after.destroy();
  });
});
