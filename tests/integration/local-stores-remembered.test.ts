import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateTableCommand,
  waitUntilTableExists,
  waitUntilTableNotExists,
} from '@aws-sdk/client-dynamodb';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteBucketCorsCommand,
  GetBucketCorsCommand,
  HeadBucketCommand,
  PutBucketCorsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { LOCAL_CREDENTIALS, LOCAL_REGION, MEDIA_BUCKET, startStorage, type LocalStorage } from '../../local/storage.js';
import { newDataDir } from '../support/local-newsroom.js';

// The stores' thread keeps tables' descriptions and buckets' configurations in memory rather than
// reading them on every request: what a client changes must still show on the next request.

let storage: LocalStorage;
let db: DynamoDBClient;
let s3: S3Client;
beforeAll(async () => {
  storage = await startStorage(newDataDir(), ['https://desk.example.com']);
  const local = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 };
  db = new DynamoDBClient({ ...local, endpoint: storage.dynamoEndpoint });
  s3 = new S3Client({ ...local, endpoint: storage.s3Endpoint, forcePathStyle: true });
});
afterAll(async () => {
  db.destroy();
  s3.destroy();
  await storage.close();
});

/** Makes a table and waits until it is active (dynalite makes it active a moment after the answer). */
async function makeTable(TableName: string) {
  await db.send(
    new CreateTableCommand({
      TableName,
      KeySchema: [{ AttributeName: 'PK', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'PK', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  await waitUntilTableExists({ client: db, maxWaitTime: 10, minDelay: 0.05 }, { TableName });
}
const item = { PK: { S: 'a' }, n: { N: '1' } };

describe('a table the stores have already described', () => {
  it('is gone once deleted, and empty when made again', async () => {
    await makeTable('remembered');
    await db.send(new PutItemCommand({ TableName: 'remembered', Item: item }));
    expect((await db.send(new GetItemCommand({ TableName: 'remembered', Key: { PK: { S: 'a' } } }))).Item).toEqual(item);

    await db.send(new DeleteTableCommand({ TableName: 'remembered' }));
    await expect(db.send(new GetItemCommand({ TableName: 'remembered', Key: { PK: { S: 'a' } } }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });

    await waitUntilTableNotExists({ client: db, maxWaitTime: 10, minDelay: 0.05 }, { TableName: 'remembered' });
    await makeTable('remembered');
    expect((await db.send(new GetItemCommand({ TableName: 'remembered', Key: { PK: { S: 'a' } } }))).Item).toBeUndefined();
  });

  it('is gone once deleted while reads of it are under way', async () => {
    await makeTable('busy');
    const get = () => db.send(new GetItemCommand({ TableName: 'busy', Key: { PK: { S: 'a' } } })).catch(() => undefined);
    // Reads that began before the deletion may finish after it: none may leave the old table behind.
    await Promise.all([
      ...Array.from({ length: 50 }, get),
      db.send(new DeleteTableCommand({ TableName: 'busy' })),
      ...Array.from({ length: 50 }, get),
    ]);
    await waitUntilTableNotExists({ client: db, maxWaitTime: 10, minDelay: 0.05 }, { TableName: 'busy' });
    await expect(db.send(new GetItemCommand({ TableName: 'busy', Key: { PK: { S: 'a' } } }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('describes what an update changed', async () => {
    await makeTable('updated');
    await db.send(new GetItemCommand({ TableName: 'updated', Key: { PK: { S: 'a' } } }));
    await db.send(
      new UpdateTableCommand({
        TableName: 'updated',
        BillingMode: 'PROVISIONED',
        ProvisionedThroughput: { ReadCapacityUnits: 7, WriteCapacityUnits: 3 },
      }),
    );
    const { Table } = await db.send(new DescribeTableCommand({ TableName: 'updated' }));
    expect(Table?.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 7, WriteCapacityUnits: 3 });
  });
});

describe('a bucket the stores have already read', () => {
  it('answers with its CORS rules as last written, and with none once they are deleted', async () => {
    const rules = (await s3.send(new GetBucketCorsCommand({ Bucket: MEDIA_BUCKET }))).CORSRules;
    expect(rules?.[0]?.AllowedOrigins).toEqual(['https://desk.example.com']);

    await s3.send(
      new PutBucketCorsCommand({
        Bucket: MEDIA_BUCKET,
        CORSConfiguration: { CORSRules: [{ AllowedMethods: ['GET'], AllowedOrigins: ['https://other.example.com'] }] },
      }),
    );
    expect((await s3.send(new GetBucketCorsCommand({ Bucket: MEDIA_BUCKET }))).CORSRules?.[0]?.AllowedOrigins).toEqual([
      'https://other.example.com',
    ]);

    await s3.send(new DeleteBucketCorsCommand({ Bucket: MEDIA_BUCKET }));
    await expect(s3.send(new GetBucketCorsCommand({ Bucket: MEDIA_BUCKET }))).rejects.toMatchObject({ name: 'NoSuchCORSConfiguration' });
  });

  it('is gone once deleted, and takes files again when made again', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'short-lived' }));
    await s3.send(new HeadBucketCommand({ Bucket: 'short-lived' }));
    await s3.send(new DeleteBucketCommand({ Bucket: 'short-lived' }));
    await expect(s3.send(new HeadBucketCommand({ Bucket: 'short-lived' }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
    await expect(s3.send(new PutObjectCommand({ Bucket: 'short-lived', Key: 'k', Body: 'x' }))).rejects.toMatchObject({
      name: 'NoSuchBucket',
    });

    await s3.send(new CreateBucketCommand({ Bucket: 'short-lived' }));
    await s3.send(new PutObjectCommand({ Bucket: 'short-lived', Key: 'k', Body: 'x' }));
  });
});
