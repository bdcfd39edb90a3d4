import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  PutItemCommand,
  ResourceNotFoundException,
  ScanCommand,
  type AttributeValue,
  type GlobalSecondaryIndex,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import S3rver from 's3rver';
import { TABLE_INDEXES, TABLE_KEYS } from '../lambdas/store/table-schema.js';

export const TABLE_NAME = 'newsroom';
export const MEDIA_BUCKET = 'newsroom-media';
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
export const LOCAL_REGION = 'us-east-1';

/** The embedded stand-ins for DynamoDB and S3, persisting under the data directory. */
export interface LocalStorage {
  dynamoEndpoint: string;
  s3Endpoint: string;
  /** Calls `listener` with S3-notification-shaped events as objects land, like S3 event notifications. */
  onObjectCreated(listener: (event: unknown) => void): void;
  close(): Promise<void>;
}

/** The bucket's CORS rules: browsers on the allowed origins may post upload forms and fetch files. */
function corsConfiguration(origins: readonly string[]): string {
  const rules = origins
    .map(
      (o) =>
        `<CORSRule><AllowedOrigin>${o}</AllowedOrigin><AllowedMethod>POST</AllowedMethod><AllowedMethod>GET</AllowedMethod><AllowedHeader>*</AllowedHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule>`,
    )
    .join('');
  return `<CORSConfiguration>${rules}</CORSConfiguration>`;
}

export async function startStorage(dataDir: string, corsOrigins: readonly string[] = []): Promise<LocalStorage> {
  mkdirSync(join(dataDir, 's3'), { recursive: true });
  const dynamo: Server = dynalite({ path: join(dataDir, 'dynamodb'), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((ok, fail) => dynamo.once('error', fail).listen(0, '127.0.0.1', ok));
  const dynamoEndpoint = `http://127.0.0.1:${(dynamo.address() as AddressInfo).port}`;

  const s3 = new S3rver({
    port: 0,
    address: '127.0.0.1',
    directory: join(dataDir, 's3'),
    silent: true,
    configureBuckets: [{ name: MEDIA_BUCKET, configs: corsOrigins.length ? [corsConfiguration(corsOrigins)] : [] }],
  });
  const { port: s3Port } = await s3.run();

  await ensureTable(dynamoEndpoint);
  return {
    dynamoEndpoint,
    s3Endpoint: `http://127.0.0.1:${s3Port}`,
    onObjectCreated: (listener) => s3.on('event', listener),
    async close() {
      await s3.close();
      // dynalite closes its LevelDB store when its server closes.
      dynamo.closeAllConnections?.();
      await new Promise<void>((ok) => dynamo.close(() => ok()));
    },
  };
}

/** Creates the table from the same schema the CDK stack uses, if it is not there yet. */
export async function ensureTable(endpoint: string, tableName = TABLE_NAME): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  try {
    await createTableIfMissing(client, tableName);
  } finally {
    client.destroy();
  }
}

async function createTableIfMissing(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const have = new Set((Table?.GlobalSecondaryIndexes ?? []).map((ix) => ix.IndexName));
    if (TABLE_INDEXES.every((ix) => have.has(ix.name))) return;
    await rebuildWithNewIndexes(client, tableName);
    return;
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
  }
  await createTable(client, tableName);
}

/**
 * A data directory from before an index was added: dynalite cannot add an index to a table
 * (UpdateTable there changes throughput only), so the table is read whole, created again with
 * every index, and written back. Local data only; in AWS the stack adds the index.
 */
async function rebuildWithNewIndexes(client: DynamoDBClient, tableName: string): Promise<void> {
  const items: Record<string, AttributeValue>[] = [];
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  await client.send(new DeleteTableCommand({ TableName: tableName }));
  // Deleting finishes a moment later, even with no delay configured.
  for (let gone = false; !gone;) {
    try {
      await client.send(new DescribeTableCommand({ TableName: tableName }));
      await new Promise((ok) => setTimeout(ok, 10));
    } catch (err) {
      if (!(err instanceof ResourceNotFoundException)) throw err;
      gone = true;
    }
  }
  await createTable(client, tableName);
  for (const item of items) await client.send(new PutItemCommand({ TableName: tableName, Item: item }));
}

async function createTable(client: DynamoDBClient, tableName: string): Promise<void> {
  const attributes = new Set<string>([TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey]);
  const indexes: GlobalSecondaryIndex[] = TABLE_INDEXES.map((ix) => {
    attributes.add(ix.partitionKey);
    attributes.add(ix.sortKey);
    return {
      IndexName: ix.name,
      KeySchema: [
        { AttributeName: ix.partitionKey, KeyType: 'HASH' },
        { AttributeName: ix.sortKey, KeyType: 'RANGE' },
      ],
      Projection:
        typeof ix.projection === 'string'
          ? { ProjectionType: ix.projection }
          : { ProjectionType: 'INCLUDE', NonKeyAttributes: [...ix.projection] },
    };
  });
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      GlobalSecondaryIndexes: indexes,
    }),
  );
}
