import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { BUNDLE_BANNER, BUNDLE_MAIN_FIELDS, BUNDLE_TARGET } from '../lib/bundling.js';
import { PROJECT_ROOT } from '../lib/newsroom-function.js';
import { p50, p99, pairedRounds } from './stats.js';

/** Each function, and a bare handler that builds the same AWS clients and sends one command. */
const DOC_CLIENT = `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
`;
const BARE_API = `${DOC_CLIENT}export const handler = async (e) => ({ statusCode: 200, body: JSON.stringify((await db.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { PK: e.id, SK: 'ARTICLE' } }))).Item) });\n`;
/** A function that answers with files rendered beside its bundle at build time, by route key. */
const BARE_STATIC = `import { readFileSync } from 'node:fs';
let site;
export const handler = async (e) => (site ??= JSON.parse(readFileSync(new URL('./site.json', import.meta.url), 'utf8')))[e.routeKey] ?? { statusCode: 404 };\n`;

const BARE_DISPATCHER = `${DOC_CLIENT}import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { SchedulerClient, DeleteScheduleCommand } from '@aws-sdk/client-scheduler';
import { SQSClient, SendMessageBatchCommand } from '@aws-sdk/client-sqs';
const eb = new EventBridgeClient({}); const sc = new SchedulerClient({}); const sqs = new SQSClient({});
export const handler = async (e) => { const { Item } = await db.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { PK: e.id, SK: 'ARTICLE' } }));
  await sc.send(new DeleteScheduleCommand({ Name: e.id })); await eb.send(new PutEventsCommand({ Entries: [{ Detail: JSON.stringify(Item) }] }));
  await sqs.send(new SendMessageBatchCommand({ QueueUrl: e.queueUrl, Entries: [{ Id: '0', MessageBody: JSON.stringify(Item), MessageGroupId: e.id }] })); };\n`;

const BARE_MEDIA = `${DOC_CLIENT}import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
const s3 = new S3Client({});
export const handler = async (e) => ({ statusCode: 201, body: JSON.stringify(await createPresignedPost(s3, { Bucket: process.env.MEDIA_BUCKET, Key: e.id })) });\n`;
const BARE_VERIFIER = `${DOC_CLIENT}import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
const s3 = new S3Client({});
export const handler = async (e) => { const o = await s3.send(new GetObjectCommand({ Bucket: process.env.MEDIA_BUCKET, Key: e.key })); return o.ContentLength; };\n`;

const BARE_WEBHOOK = `${DOC_CLIENT}import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
const sm = new SecretsManagerClient({});
export const handler = async (e) => { const s = await sm.send(new GetSecretValueCommand({ SecretId: e.secretName })); const r = await fetch(e.url, { method: 'POST', body: s.SecretString });
  await db.send(new PutCommand({ TableName: process.env.TABLE_NAME, Item: { PK: e.id, SK: String(r.status) } })); };\n`;
const BARE_DELIVERIES = `${DOC_CLIENT}import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
const sqs = new SQSClient({});
export const handler = async (e) => { const { Items } = await db.send(new QueryCommand({ TableName: process.env.TABLE_NAME, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': e.id } }));
  await sqs.send(new SendMessageCommand({ QueueUrl: e.queueUrl, MessageBody: JSON.stringify(Items), MessageGroupId: e.id, MessageDeduplicationId: e.id })); return { statusCode: 202 }; };\n`;
/** Reads one item and puts it back conditionally, as the profiles API does. */
const BARE_PROFILES = `${DOC_CLIENT}import { PutCommand } from '@aws-sdk/lib-dynamodb';
export const handler = async (e) => { const { Item } = await db.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { PK: e.id, SK: 'PROFILE' }, ConsistentRead: true }));
  await db.send(new PutCommand({ TableName: process.env.TABLE_NAME, Item: { ...Item, ...JSON.parse(e.body) }, ConditionExpression: 'attribute_not_exists(PK)' })); return { statusCode: 200, body: JSON.stringify(Item) }; };\n`;

/**
 * The site renderer's clients (the table, both buckets, invalidations and its own queue) and the
 * CommonMark library every renderer of Markdown bodies carries: the renderer's own code is what is measured.
 */
const BARE_RENDERER = `${DOC_CLIENT}import { BatchGetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import MarkdownIt from 'markdown-it';
import { S3Client, CopyObjectCommand, DeleteObjectsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import { SQSClient, SendMessageBatchCommand } from '@aws-sdk/client-sqs';
const s3 = new S3Client({}); const cf = new CloudFrontClient({}); const sqs = new SQSClient({});
export const handler = async (e) => { const { Item } = await db.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { PK: e.id, SK: 'ARTICLE' } }));
  const { Items } = await db.send(new QueryCommand({ TableName: process.env.TABLE_NAME, IndexName: 'byStatus', KeyConditionExpression: 'GSI1PK = :p', ExpressionAttributeValues: { ':p': 'SITE#live' } }));
  await db.send(new BatchGetCommand({ RequestItems: { [process.env.TABLE_NAME]: { Keys: Items } } }));
  await s3.send(new PutObjectCommand({ Bucket: process.env.SITE_BUCKET, Key: e.key, Body: new MarkdownIt('commonmark').render(Item.body), ContentType: 'text/html', CacheControl: 'public' }));
  await s3.send(new CopyObjectCommand({ Bucket: process.env.SITE_BUCKET, Key: e.media, CopySource: e.source, MetadataDirective: 'REPLACE' }));
  await s3.send(new DeleteObjectsCommand({ Bucket: process.env.SITE_BUCKET, Delete: { Objects: [{ Key: e.old }] } }));
  await cf.send(new CreateInvalidationCommand({ DistributionId: process.env.SITE_DISTRIBUTION_ID, InvalidationBatch: { CallerReference: e.id, Paths: { Quantity: 1, Items: [e.key] } } }));
  await sqs.send(new SendMessageBatchCommand({ QueueUrl: process.env.SITE_QUEUE_URL, Entries: [{ Id: '0', MessageBody: e.id, MessageGroupId: 'front-page', MessageDeduplicationId: e.id }] }));
  await db.send(new PutCommand({ TableName: process.env.TABLE_NAME, Item: { PK: e.id, SK: 'SITE' } })); };\n`;

export const FUNCTIONS_UNDER_TEST = [
  { name: 'api-docs', entry: 'lambdas/handlers/api-docs.ts', bare: BARE_STATIC },
  { name: 'articles-read', entry: 'lambdas/handlers/articles-read.ts', bare: BARE_API },
  { name: 'articles-write', entry: 'lambdas/handlers/articles-write.ts', bare: BARE_API },
  { name: 'articles-review', entry: 'lambdas/handlers/articles-review.ts', bare: BARE_API },
  { name: 'articles-approve', entry: 'lambdas/handlers/articles-approve.ts', bare: BARE_API },
  { name: 'articles-corrections', entry: 'lambdas/handlers/articles-corrections.ts', bare: BARE_API },
  { name: 'articles-revisions', entry: 'lambdas/handlers/articles-revisions.ts', bare: BARE_API },
  { name: 'dispatcher', entry: 'lambdas/workers/dispatcher.ts', bare: BARE_DISPATCHER },
  { name: 'publisher', entry: 'lambdas/workers/publisher.ts', bare: BARE_API },
  { name: 'articles-comments', entry: 'lambdas/handlers/articles-comments.ts', bare: BARE_API },
  { name: 'articles-media', entry: 'lambdas/handlers/articles-media.ts', bare: BARE_MEDIA },
  { name: 'media-verifier', entry: 'lambdas/workers/media-verifier.ts', bare: BARE_VERIFIER },
  { name: 'webhook-sender', entry: 'lambdas/workers/webhook-sender.ts', bare: BARE_WEBHOOK },
  { name: 'deliveries', entry: 'lambdas/handlers/deliveries.ts', bare: BARE_DELIVERIES },
  { name: 'profiles', entry: 'lambdas/handlers/profiles.ts', bare: BARE_PROFILES },
  { name: 'site-renderer', entry: 'lambdas/workers/site-renderer.ts', bare: BARE_RENDERER },
];

export async function bundle(entry: string, outfile: string): Promise<number> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: BUNDLE_TARGET,
    mainFields: BUNDLE_MAIN_FIELDS,
    banner: { js: BUNDLE_BANNER },
    minify: true,
    logLevel: 'silent',
    absWorkingDir: PROJECT_ROOT,
    nodePaths: [join(PROJECT_ROOT, 'node_modules')],
  });
  return statSync(outfile).size;
}

/**
 * CPU time a fresh Node process spends importing a bundle: reading, compiling and running its
 * top level. CPU time rather than elapsed time, so that time spent waiting for a CPU while
 * other programs run on the machine does not count against either side.
 */
function importOnce(file: string, env: NodeJS.ProcessEnv): number {
  const script = `const c=process.cpuUsage();await import(${JSON.stringify(file)});const u=process.cpuUsage(c);process.stdout.write(String((u.user+u.system)/1000));process.exit(0)`;
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { env }).toString());
}

/**
 * Import CPU times of two bundles in fresh processes, in paired rounds (one import of each per
 * round, the order flipped every round), judged by the median of the per-round ratios.
 */
async function importTimes(ours: string, bare: string, rounds: number) {
  const env = {
    ...process.env,
    TABLE_NAME: 'bench',
    EVENT_BUS_NAME: 'bench',
    SCHEDULE_GROUP_NAME: 'bench',
    PUBLISHER_ARN: 'arn:aws:lambda:us-east-1:000000000000:function:bench',
    SCHEDULER_ROLE_ARN: 'arn:aws:iam::000000000000:role/bench',
    SCHEDULE_DLQ_ARN: 'arn:aws:sqs:us-east-1:000000000000:bench',
    AWS_REGION: 'us-east-1',
    MEDIA_BUCKET: 'bench',
    WEBHOOK_QUEUE_URLS: JSON.stringify(['https://sqs.us-east-1.amazonaws.com/000000000000/bench.fifo']),
    WEBHOOK_URL: 'https://bench.example/hooks',
    WEBHOOK_SECRET_NAME: 'bench',
    WEBHOOK_NAME: 'bench',
    WEBHOOK_TARGETS: JSON.stringify([
      { name: 'bench', origin: 'https://bench.example', queueUrl: 'https://sqs.us-east-1.amazonaws.com/000000000000/bench.fifo' },
    ]),
    SITE_BUCKET: 'bench',
    SITE_DISTRIBUTION_ID: 'EDFDVBD6EXAMPLE',
    SITE_URL: 'https://d111111abcdef8.cloudfront.net',
    SITE_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/000000000000/bench-site.fifo',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  const init = await pairedRounds({
    rounds,
    warmup: 2,
    a: async () => importOnce(ours, env),
    b: async () => importOnce(bare, env),
  });
  return { init, oursInit: p50(init.a), oursInitP99: p99(init.a), bareInit: p50(init.b), bareInitP99: p99(init.b) };
}

export async function measureBundles(rounds = 15) {
  const dir = mkdtempSync(join(tmpdir(), 'newsroom-bench-'));
  const rows = [];
  for (const fn of FUNCTIONS_UNDER_TEST) {
    const bareEntry = join(dir, `${fn.name}.bare.mjs`);
    writeFileSync(bareEntry, fn.bare);
    const ours = await bundle(join(PROJECT_ROOT, fn.entry), join(dir, `${fn.name}.mjs`));
    const bare = await bundle(bareEntry, join(dir, `${fn.name}.bare.out.mjs`));
    const init = await importTimes(join(dir, `${fn.name}.mjs`), join(dir, `${fn.name}.bare.out.mjs`), rounds);
    rows.push({ name: fn.name, ours, bare, ...init });
  }
  return rows;
}
