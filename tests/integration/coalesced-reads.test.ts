import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { coalesceItemReads } from '../../local/coalesced-reads.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/storage.js';
import { startDynamo } from '../support/dynamo.js';

// On one machine every function shares one DynamoDB client: single-item reads made at the same
// moment go to dynalite as one BatchGetItem, and each reader gets what its own GetItem would have.

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let db: DynamoDBDocumentClient;
const sent: { command: string; input: Record<string, unknown> }[] = [];
/** Makes the next BatchGetItem answer leave these many keys unprocessed, as DynamoDB may. */
let leaveUnprocessed = 0;

const key = (n: number) => ({ PK: `COALESCE#${n}`, SK: 'ITEM' });
const item = (n: number) => ({ ...key(n), n, body: `item ${n}`, tags: ['a', 'b'] });
const get = (n: number, extra: Partial<GetCommand['input']> = {}) =>
  db.send(new GetCommand({ TableName: dynamo.tableName, Key: key(n), ConsistentRead: true, ...extra }));

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-coalesced-reads');
  db = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 }),
  );
  db.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push({ command: String(context.commandName), input: structuredClone(args.input as Record<string, unknown>) });
      const out = await next(args);
      if (context.commandName === 'BatchGetItemCommand' && leaveUnprocessed > 0) {
        const output = out.output as { Responses: Record<string, Record<string, unknown>[]>; UnprocessedKeys: Record<string, unknown> };
        const items = output.Responses[dynamo.tableName]!;
        const left = items.splice(items.length - leaveUnprocessed, leaveUnprocessed);
        output.UnprocessedKeys = { [dynamo.tableName]: { Keys: left.map((i) => ({ PK: i.PK, SK: i.SK })), ConsistentRead: true } };
        leaveUnprocessed = 0;
      }
      return out;
    },
    { step: 'initialize', name: 'recordRequests' },
  );
  for (let n = 0; n < 300; n += 25) {
    await dynamo.db.send(
      new BatchWriteCommand({
        RequestItems: { [dynamo.tableName]: Array.from({ length: 25 }, (_, i) => ({ PutRequest: { Item: item(n + i) } })) },
      }),
    );
  }
  coalesceItemReads(db);
});
beforeEach(() => {
  sent.length = 0;
});
afterAll(async () => {
  db.destroy();
  await dynamo.stop();
});

const commands = () => sent.map((s) => s.command);

describe('reads made at the same moment', () => {
  it('go as one BatchGetItem, each answered with its own item or none', async () => {
    const answers = await Promise.all([3, 1000, 7, 42, 1001].map((n) => get(n)));
    expect(answers.map((a) => a.Item)).toEqual([item(3), undefined, item(7), item(42), undefined]);
    expect(commands()).toEqual(['BatchGetItemCommand']);
    expect(sent[0]!.input).toEqual({
      RequestItems: { [dynamo.tableName]: { ConsistentRead: true, Keys: [3, 1000, 7, 42, 1001].map(key) } },
    });
  });

  it('go 100 keys to a request, as BatchGetItem allows', async () => {
    const answers = await Promise.all(Array.from({ length: 250 }, (_, n) => get(n)));
    expect(answers.map((a) => a.Item)).toEqual(Array.from({ length: 250 }, (_, n) => item(n)));
    expect(sent.map((s) => (s.input.RequestItems as Record<string, { Keys: unknown[] }>)[dynamo.tableName]!.Keys.length)).toEqual([
      100, 100, 50,
    ]);
  });

  it('of the same item ask for it once, and give each reader an object of its own', async () => {
    const [a, b, c] = await Promise.all([get(5), get(5), get(6)]);
    expect([a.Item, b.Item, c.Item]).toEqual([item(5), item(5), item(6)]);
    expect(a.Item).not.toBe(b.Item);
    expect(sent[0]!.input).toEqual({ RequestItems: { [dynamo.tableName]: { ConsistentRead: true, Keys: [key(5), key(6)] } } });
  });

  it('read again the keys DynamoDB left unprocessed', async () => {
    leaveUnprocessed = 2;
    const answers = await Promise.all([10, 11, 12, 13].map((n) => get(n)));
    expect(answers.map((a) => a.Item)).toEqual([10, 11, 12, 13].map(item));
    expect(commands()).toEqual(['BatchGetItemCommand', 'BatchGetItemCommand']);
    expect((sent[1]!.input.RequestItems as Record<string, { Keys: unknown[] }>)[dynamo.tableName]!.Keys).toHaveLength(2);
  });

  it('keep their projection, with the key taken off again when the projection did not name it', async () => {
    const [a, b, missing] = await Promise.all([
      get(20, { ProjectionExpression: '#b, tags[0]', ExpressionAttributeNames: { '#b': 'body' } }),
      get(21, { ProjectionExpression: '#b, tags[0]', ExpressionAttributeNames: { '#b': 'body' } }),
      get(1002, { ProjectionExpression: '#b, tags[0]', ExpressionAttributeNames: { '#b': 'body' } }),
    ]);
    expect([a.Item, b.Item, missing.Item]).toEqual([{ body: 'item 20', tags: ['a'] }, { body: 'item 21', tags: ['a'] }, undefined]);
    expect(sent[0]!.input).toMatchObject({ RequestItems: { [dynamo.tableName]: { ProjectionExpression: '#b, tags[0], PK, SK' } } });

    const [named, other] = await Promise.all([get(22, { ProjectionExpression: 'PK, n' }), get(23, { ProjectionExpression: 'PK, n' })]);
    expect([named.Item, other.Item]).toEqual([
      { PK: key(22).PK, n: 22 },
      { PK: key(23).PK, n: 23 },
    ]);
  });

  it('go with reads of the same consistency and projection only', async () => {
    await Promise.all([
      get(1),
      get(2),
      get(3, { ConsistentRead: false }),
      get(4, { ConsistentRead: false }),
      get(5, { ProjectionExpression: 'n' }),
    ]);
    const batches = sent.map((s) => s.input.RequestItems as Record<string, Record<string, unknown>>).map((r) => r?.[dynamo.tableName]);
    expect(commands()).toEqual(['BatchGetItemCommand', 'BatchGetItemCommand', 'GetItemCommand']);
    expect(batches[0]).toEqual({ ConsistentRead: true, Keys: [key(1), key(2)] });
    expect(batches[1]).toEqual({ Keys: [key(3), key(4)] });
    expect(sent[2]!.input).toEqual({ TableName: dynamo.tableName, Key: key(5), ConsistentRead: true, ProjectionExpression: 'n' });
  });
});

describe('a read on its own', () => {
  it('goes as the GetItem it was', async () => {
    expect((await get(9)).Item).toEqual(item(9));
    expect(sent).toEqual([{ command: 'GetItemCommand', input: { TableName: dynamo.tableName, Key: key(9), ConsistentRead: true } }]);
  });

  it('goes as it was when it asks for consumed capacity or carries options', async () => {
    await Promise.all([get(1, { ReturnConsumedCapacity: 'TOTAL' }), get(2, { ReturnConsumedCapacity: 'TOTAL' })]);
    await Promise.all(
      [1, 2].map((n) =>
        db.send(new GetCommand({ TableName: dynamo.tableName, Key: key(n) }), { abortSignal: new AbortController().signal }),
      ),
    );
    expect(commands()).toEqual(['GetItemCommand', 'GetItemCommand', 'GetItemCommand', 'GetItemCommand']);
  });
});

describe('a batch DynamoDB refuses', () => {
  it('gives each read the answer its own GetItem gets', async () => {
    // A key too long for DynamoDB fails the whole batch: the others still get their items.
    const tooLong = { PK: 'x'.repeat(2_100), SK: 'ITEM' };
    const [good, bad, other] = await Promise.allSettled([
      get(30),
      db.send(new GetCommand({ TableName: dynamo.tableName, Key: tooLong, ConsistentRead: true })),
      get(31),
    ]);
    expect(good).toMatchObject({ status: 'fulfilled', value: { Item: item(30) } });
    expect(other).toMatchObject({ status: 'fulfilled', value: { Item: item(31) } });
    expect(bad).toMatchObject({ status: 'rejected', reason: { name: 'ValidationException' } });
    expect(commands()).toEqual(['BatchGetItemCommand', 'GetItemCommand', 'GetItemCommand', 'GetItemCommand']);
  });

  it('fails the reads of a table that is not there with the error GetItem gives', async () => {
    const read = (n: number) => db.send(new GetCommand({ TableName: 'no-such-table', Key: key(n) }));
    const answers = await Promise.allSettled([read(1), read(2)]);
    expect(answers.map((a) => a.status === 'rejected' && (a.reason as Error).name)).toEqual([
      'ResourceNotFoundException',
      'ResourceNotFoundException',
    ]);
  });
});
