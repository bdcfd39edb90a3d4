import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DynamoArticleLists } from '../../lambdas/store/list-pages.js';
import { startAwsJsonStub } from '../support/aws-json-stub.js';

/**
 * A stand-in for the DynamoDB endpoint (JSON 1.0, `X-Amz-Target: DynamoDB_20120810.*`). BatchGetItem
 * may answer only part of what was asked and return the rest as `UnprocessedKeys` (throttling, or
 * a response over 16 MB: "BatchGetItem", DynamoDB API reference), still HTTP 200; dynalite never
 * does, so this is where a tag list is held to asking for them again.
 */
const TABLE = 'newsroom';
const ids = ['a3', 'a2', 'a1'];
const at = (id: string) => `2026-11-0${id.slice(1)}T08:00:00.000Z`;
const pointer = (id: string) => ({
  PK: { S: `ARTICLE#${id}` },
  SK: { S: 'TAG#budget' },
  GSI7PK: { S: 'TAG#budget' },
  GSI7SK: { S: `${at(id)}#${id}` },
});
const article = (id: string) => ({
  id: { S: id },
  status: { S: 'published' },
  version: { N: '3' },
  headline: { S: `Budget ${id}` },
  tags: { L: [{ S: 'Budget' }] },
  authorId: { S: 'rita' },
  createdAt: { S: at(id) },
  updatedAt: { S: at(id) },
});

let stub: Awaited<ReturnType<typeof startAwsJsonStub>>;
let db: DynamoDBDocumentClient;

beforeAll(async () => {
  let batches = 0;
  stub = await startAwsJsonStub('1.0', ({ target, body }) => {
    if (target === 'DynamoDB_20120810.Query') return { Items: ids.map(pointer), Count: 3, ScannedCount: 3 };
    // The first answer holds one article and leaves the other two unprocessed.
    const keys = body.RequestItems[TABLE].Keys as { PK: { S: string } }[];
    const served = batches++ === 0 ? keys.slice(0, 1) : keys;
    return {
      Responses: { [TABLE]: served.map((k) => article(k.PK.S.slice('ARTICLE#'.length))) },
      UnprocessedKeys: served.length < keys.length ? { [TABLE]: { ...body.RequestItems[TABLE], Keys: keys.slice(1) } } : {},
    };
  });
  db = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: stub.endpoint,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example' },
      maxAttempts: 1,
    }),
  );
});
afterAll(async () => {
  db.destroy();
  await stub.stop();
});

describe('a tag list in AWS', () => {
  it('asks again for the articles BatchGetItem left unprocessed, and lists them all in the index’s order', async () => {
    const lists = new DynamoArticleLists(db, TABLE);
    const page = await lists.list({ sources: [{ by: 'tag', tag: 'budget', match: [{ statuses: ['published'] }] }], limit: 20 });
    expect(page.items.map((a) => a.id)).toEqual(ids);
    const batches = stub.requests.filter((r) => r.target === 'DynamoDB_20120810.BatchGetItem');
    expect(batches.map((b) => b.body.RequestItems[TABLE].Keys.map((k: any) => k.PK.S))).toEqual([
      ['ARTICLE#a3', 'ARTICLE#a2', 'ARTICLE#a1'],
      ['ARTICLE#a2', 'ARTICLE#a1'],
    ]);
    // Only the list summary is read back, never the body or the outbox.
    const wanted = batches[0]!.body.RequestItems[TABLE];
    const names = Object.values(wanted.ExpressionAttributeNames);
    expect(names).toEqual(expect.arrayContaining(['headline', 'status', 'tags']));
    expect(names).not.toEqual(expect.arrayContaining(['bodyZ']));
    expect(stub.requests.find((r) => r.target === 'DynamoDB_20120810.Query')!.body).toMatchObject({
      IndexName: 'byTag',
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: 'TAG#budget' } },
    });
  });
});
