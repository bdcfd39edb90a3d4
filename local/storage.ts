import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  ScanCommand,
  type AttributeValue,
  type GlobalSecondaryIndex,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { tagItemsOf } from '../lambdas/store/tag-items.js';
import { TABLE_INDEXES, TABLE_KEYS } from '../lambdas/store/table-schema.js';

export const TABLE_NAME = 'newsroom';
export const MEDIA_BUCKET = 'newsroom-media';
/** The public site's files, as the site bucket behind CloudFront holds them in AWS. */
export const SITE_BUCKET = 'newsroom-site';
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
export const LOCAL_REGION = 'us-east-1';

/** The embedded stand-ins for DynamoDB and S3, persisting under the data directory, on a thread of their own. */
export interface LocalStorage {
  dynamoEndpoint: string;
  s3Endpoint: string;
  /** Calls `listener` with S3-notification-shaped events as objects land, like S3 event notifications. */
  onObjectCreated(listener: (event: unknown) => void): void;
  /**
   * Settles with the error, should the stores' thread stop on its own: every request to them would
   * be refused from then on, so whoever runs them must stop too rather than serve errors.
   */
  failed: Promise<Error>;
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

/** What storage-thread.mjs is given, and what it says. */
interface StorageThreadData {
  dataDir: string;
  mediaBucket: string;
  siteBucket: string;
  /** The media bucket's CORS configuration (XML), if any. */
  mediaCors?: string;
}

type StorageThreadMessage =
  | { kind: 'started'; dynamoEndpoint: string; s3Endpoint: string }
  | { kind: 'object-created'; event: unknown }
  | { kind: 'closed' }
  | { kind: 'failed'; message: string; code?: string; syscall?: string };

export async function startStorage(
  dataDir: string,
  corsOrigins: readonly string[] = [],
  /** The thread's entry; only tests name another. */
  entry: URL = new URL('./storage-thread.mjs', import.meta.url),
): Promise<LocalStorage> {
  // Here, not on the thread: a data directory that cannot be written is refused with its errno.
  mkdirSync(join(dataDir, 's3'), { recursive: true });
  const data: StorageThreadData = {
    dataDir,
    mediaBucket: MEDIA_BUCKET,
    siteBucket: SITE_BUCKET,
    mediaCors: corsOrigins.length ? corsConfiguration(corsOrigins) : undefined,
  };
  const thread = new Worker(entry, { workerData: data });
  const listeners: ((event: unknown) => void)[] = [];
  let closed: (() => void) | undefined;
  let closing = false;
  const exited = new Promise<number>((ok) => thread.once('exit', ok));
  const thrown = new Promise<Error>((ok) => thread.once('error', ok));
  const failed = Promise.race([thrown, exited.then((code) => new Error(`the stores' thread stopped (exit code ${code})`))]).then((err) =>
    closing ? new Promise<Error>(() => undefined) : err,
  );
  const started = new Promise<{ dynamoEndpoint: string; s3Endpoint: string }>((ok, fail) => {
    void failed.then(fail);
    thread.on('message', (message: StorageThreadMessage) => {
      if (message.kind === 'started') ok(message);
      // With its errno, so the start can say which setting to change.
      else if (message.kind === 'failed') fail(Object.assign(new Error(message.message), { code: message.code, syscall: message.syscall }));
      else if (message.kind === 'object-created') for (const listener of listeners) listener(message.event);
      else closed?.();
    });
  });
  let endpoints: Awaited<typeof started>;
  try {
    endpoints = await started;
  } catch (err) {
    await thread.terminate();
    throw err;
  }
  await ensureTable(endpoints.dynamoEndpoint);
  return {
    ...endpoints,
    onObjectCreated: (listener) => void listeners.push(listener),
    failed,
    async close() {
      closing = true;
      // The stores close their files first; a thread that died meanwhile has nothing left to close.
      await Promise.race([new Promise<void>((ok) => ((closed = ok), thread.postMessage('close'))), exited]);
      await thread.terminate();
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

/**
 * Creates the table, or brings a table an older newsroom made up to the current schema. dynalite
 * cannot add an index to a table, so one that lacks an index is copied aside, created again and
 * copied back; a start interrupted half-way finishes the job the next time.
 */
async function createTableIfMissing(client: DynamoDBClient, tableName: string): Promise<void> {
  const aside = `${tableName}-rebuild`;
  let table = await describe(client, tableName);
  let copied = (await describe(client, aside)) !== undefined;
  const indexes = new Set((table?.GlobalSecondaryIndexes ?? []).map((ix) => ix.IndexName));
  if (table && TABLE_INDEXES.some((ix) => !indexes.has(ix.name))) {
    // The table is still whole: whatever an earlier attempt copied aside is started over.
    if (copied) await deleteTable(client, aside);
    await createTable(client, aside);
    await copyItems(client, tableName, aside);
    await deleteTable(client, tableName);
    table = undefined;
    copied = true;
  }
  if (!table) await createTable(client, tableName);
  if (copied) {
    // Articles written before tag lists existed get their tag items on the way back.
    await copyItems(client, aside, tableName, withTagItems);
    await deleteTable(client, aside);
  }
}

/** Deletes a table and waits until it is gone: dynalite, like DynamoDB, deletes in the background, and a table of the same name cannot be created until then. */
async function deleteTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(new DeleteTableCommand({ TableName: tableName }));
  for (let waited = 0; (await describe(client, tableName)) !== undefined; waited += 20) {
    if (waited > 30_000) throw new Error(`table ${tableName} was still there 30 s after it was deleted`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function describe(client: DynamoDBClient, tableName: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (err) {
    if (err instanceof ResourceNotFoundException) return undefined;
    throw err;
  }
}

/** An item, and for an article item the tag items it implies (the same an article write keeps). */
function withTagItems(item: Record<string, AttributeValue>): Record<string, AttributeValue>[] {
  if (item.SK?.S !== 'ARTICLE' || !item.PK?.S?.startsWith('ARTICLE#')) return [item];
  const article = {
    id: item.id?.S,
    createdAt: item.createdAt?.S,
    version: Number(item.version?.N ?? 1),
    tags: (item.tags?.L ?? []).map((t) => t.S),
  };
  const asAttributes = (t: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(t).map(([k, v]): [string, AttributeValue] => [k, typeof v === 'number' ? { N: String(v) } : { S: String(v) }]),
    );
  return [item, ...tagItemsOf(article).map(asAttributes)];
}

async function copyItems(
  client: DynamoDBClient,
  from: string,
  to: string,
  expand: (item: Record<string, AttributeValue>) => Record<string, AttributeValue>[] = (item) => [item],
): Promise<void> {
  let ExclusiveStartKey: Record<string, any> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: from, ExclusiveStartKey, Limit: 100 }));
    const items = (page.Items ?? []).flatMap(expand);
    for (let i = 0; i < items.length; i += 25) {
      let requests = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
      while (requests.length > 0) {
        const out = await client.send(new BatchWriteItemCommand({ RequestItems: { [to]: requests } }));
        requests = (out.UnprocessedItems?.[to] ?? []) as typeof requests;
      }
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
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
