import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { newDraft } from '../lambdas/domain/article.js';
import { toItem } from '../lambdas/store/article-item.js';
import { ensureTable } from '../local/storage.js';
import { cognitoClaims, httpApiEvent } from '../tests/support/apigw-event.js';
import { startDynamo } from '../tests/support/dynamo.js';
import { cpuTimed, p50, p99, pairedRounds } from './stats.js';

type Handler = (event: unknown, context: Context) => Promise<{ statusCode: number; body: string }>;

const context = { functionName: 'bench', awsRequestId: 'bench', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;

/** An outbox entry of the same shape and size as the handler writes. */
function rawEvent(pk: string, type: string, seq: number) {
  const at = new Date().toISOString();
  return {
    id: `${pk}:4:${type}`,
    type,
    seq,
    occurredAt: at,
    articleId: pk,
    version: 4,
    from: 'in_review',
    to: 'published',
    actor: { id: 'raw-chief', name: 'Raw Chief' },
    article: { headline: 'Benchmark headline', authorId: 'raw', status: 'published', publishAt: null, publishedAt: at },
  };
}

/**
 * In-process handler latency against the raw SDK calls each handler makes, on the same
 * embedded DynamoDB: what our middleware, validation, workflow and mapping cost per request.
 * Handler and raw calls alternate one by one (the order flipped at every pair), in `rounds`
 * rounds of `perRound` pairs after `warmup` pairs, and each figure is judged by the median of the
 * per-round ratios. Each call is measured with `clock` (CPU time by default).
 */
export async function measureLatency(
  rounds = 50,
  perRound = 10,
  warmup = 20,
  clock: (fn: () => Promise<unknown>) => Promise<number> = cpuTimed,
) {
  const total = warmup + rounds * perRound;
  const dynamo = await startDynamo('bench-latency');
  Object.assign(process.env, {
    TABLE_NAME: dynamo.tableName,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    POWERTOOLS_LOG_LEVEL: 'ERROR',
  });
  await ensureTable(dynamo.endpoint, dynamo.tableName);
  const read = ((await import('../lambdas/handlers/articles-read.js')) as { handler: Handler }).handler;
  const write = ((await import('../lambdas/handlers/articles-write.js')) as { handler: Handler }).handler;
  const review = ((await import('../lambdas/handlers/articles-review.js')) as { handler: Handler }).handler;
  const approve = ((await import('../lambdas/handlers/articles-approve.js')) as { handler: Handler }).handler;
  const corrections = ((await import('../lambdas/handlers/articles-corrections.js')) as { handler: Handler }).handler;
  const editor = cognitoClaims('bench-editor', ['editors'], 'Bench Editor');
  const reporter = cognitoClaims('bench-reporter', ['reporters'], 'Bench Reporter');
  const chief = cognitoClaims('bench-chief', ['chief-editors'], 'Bench Chief');
  const db = dynamo.db;
  const T = dynamo.tableName;
  // Each article its own headline, as most are: its approval claims a free slug.
  let headlines = 0;
  const body = () => ({ headline: `Benchmark headline ${++headlines}`, standfirst: 'A standfirst.', body: 'Body text. '.repeat(300) });
  const paired = (a: () => Promise<unknown>, b: () => Promise<unknown>, pairs = perRound) =>
    pairedRounds({ rounds, perRound: pairs, warmup, a: () => clock(a), b: () => clock(b) });

  const created: string[] = [];
  // The raw baseline writes items of the same shape (index keys, compressed body) with the same calls.
  const rawIds: string[] = [];
  const create = await paired(
    async () => {
      const r = await write(
        httpApiEvent({ method: 'POST', path: '/articles', routePath: '/articles', claims: reporter, body: body() }),
        context,
      );
      created.push(JSON.parse(r.body).id);
    },
    () => {
      const article = newDraft({
        id: randomUUID(),
        author: { id: 'raw', name: 'Raw', groups: ['reporters'] },
        now: new Date().toISOString(),
        content: { ...body(), tags: [] },
      });
      const item = toItem({ ...article, status: 'in_review', version: 3 });
      rawIds.push(item.PK as string);
      return db.send(
        new PutCommand({ TableName: T, Item: { ...item, GSI1PK: 'STATUS#in_review' }, ConditionExpression: 'attribute_not_exists(PK)' }),
      );
    },
  );

  const id = created[0]!;
  const get = await paired(
    () =>
      read(
        httpApiEvent({ method: 'GET', path: `/articles/${id}`, routePath: '/articles/{id}', pathParameters: { id }, claims: reporter }),
        context,
      ),
    () => db.send(new GetCommand({ TableName: T, Key: { PK: `ARTICLE#${id}`, SK: 'ARTICLE' }, ConsistentRead: true })),
    // A read costs the least and varies the most (a garbage collection weighs more on it): three times the pairs.
    perRound * 3,
  );

  for (const a of created) {
    await review(
      httpApiEvent({
        method: 'POST',
        path: `/articles/${a}/submit`,
        routePath: '/articles/{id}/submit',
        pathParameters: { id: a },
        claims: reporter,
      }),
      context,
    );
  }
  if (created.length < total || rawIds.length < total) throw new Error('not enough articles to approve');
  let nextHandler = 0;
  let nextRaw = 0;
  const approval = await paired(
    () => {
      const a = created[nextHandler++]!;
      return approve(
        httpApiEvent({
          method: 'POST',
          path: `/articles/${a}/approve`,
          routePath: '/articles/{id}/approve',
          pathParameters: { id: a },
          claims: chief,
          body: {},
          headers: { 'if-match': '"2"' },
        }),
        context,
      );
    },
    async () => {
      const key = { PK: rawIds[nextRaw++]!, SK: 'ARTICLE' };
      await db.send(new GetCommand({ TableName: T, Key: key, ConsistentRead: true }));
      // The slug's claim, as at every first publication.
      await db.send(
        new UpdateCommand({
          TableName: T,
          Key: { PK: `SLUG#raw-${key.PK}`, SK: 'SLUG' },
          UpdateExpression: 'SET articleId = if_not_exists(articleId, :id) ADD claims :one',
          ExpressionAttributeValues: { ':id': key.PK, ':one': 1 },
          ReturnValues: 'ALL_NEW',
        }),
      );
      await db.send(
        new UpdateCommand({
          TableName: T,
          Key: key,
          UpdateExpression:
            'SET #s = :published, GSI1PK = :g, #v = :four, updatedAt = :now, approvedBy = :who, approvedAt = :now, publishedAt = :now, ' +
            'outbox = list_append(if_not_exists(outbox, :none), :e), GSI3PK = :ob, GSI3SK = if_not_exists(GSI3SK, :obsk)',
          ConditionExpression: '#s = :in_review AND #v = :three',
          ExpressionAttributeNames: { '#v': 'version', '#s': 'status' },
          ExpressionAttributeValues: {
            ':published': 'published',
            ':in_review': 'in_review',
            ':g': 'STATUS#published',
            ':four': 4,
            ':three': 3,
            ':now': new Date().toISOString(),
            ':who': 'raw-chief',
            ':none': [],
            ':ob': 'OUTBOX',
            ':obsk': `${new Date().toISOString()}#raw`,
            ':e': ['ArticleApproved', 'ArticlePublished'].map((type, seq) => rawEvent(key.PK, type, seq)),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
    },
  );
  // A correction of each published article, against the calls it makes: read the article, keep
  // its revision as an item of its own, and write the new text with its event and public note.
  nextHandler = 0;
  nextRaw = 0;
  const note = 'An earlier version misnamed the district.';
  const correction = await paired(
    () => {
      const a = created[nextHandler++]!;
      return corrections(
        httpApiEvent({
          method: 'POST',
          path: `/articles/${a}/correct`,
          routePath: '/articles/{id}/correct',
          pathParameters: { id: a },
          claims: editor,
          body: { body: 'Corrected body text. '.repeat(300), note },
          headers: { 'if-match': '"3"' },
        }),
        context,
      );
    },
    async () => {
      const key = { PK: rawIds[nextRaw++]!, SK: 'ARTICLE' };
      const { Item } = await db.send(new GetCommand({ TableName: T, Key: key, ConsistentRead: true }));
      await db.send(
        new PutCommand({
          TableName: T,
          Item: { PK: key.PK, SK: 'REVISION#0000000001', revision: 1, headline: Item!.headline, bodyZ: Item!.bodyZ, tags: [] },
          ConditionExpression: 'attribute_not_exists(SK)',
        }),
      );
      const now = new Date().toISOString();
      const text = toItem(
        newDraft({
          id: 'x',
          author: { id: 'raw', name: 'Raw', groups: [] },
          now,
          content: { ...body(), body: 'Corrected body text. '.repeat(300), tags: [] },
        }),
      );
      await db.send(
        new UpdateCommand({
          TableName: T,
          Key: key,
          UpdateExpression:
            'SET bodyZ = :b, #v = :five, updatedAt = :now, revision = :two, corrections = :c, ' +
            'outbox = list_append(if_not_exists(outbox, :none), :e), GSI3PK = :ob, GSI3SK = if_not_exists(GSI3SK, :obsk)',
          ConditionExpression: '#s = :published AND #v = :four',
          ExpressionAttributeNames: { '#v': 'version', '#s': 'status' },
          ExpressionAttributeValues: {
            ':b': text.bodyZ,
            ':published': 'published',
            ':four': 4,
            ':five': 5,
            ':two': 2,
            ':now': now,
            ':c': [{ revision: 2, kind: 'correction', note, at: now, by: { id: 'raw', name: 'Raw' } }],
            ':none': [],
            ':ob': 'OUTBOX',
            ':obsk': `${now}#raw`,
            ':e': [rawEvent(key.PK, 'ArticleCorrected', 0)],
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
    },
  );
  await dynamo.stop();
  return [
    { name: 'GET /articles/{id}', paired: get },
    { name: 'POST /articles', paired: create },
    { name: 'POST /articles/{id}/approve', paired: approval },
    { name: 'POST /articles/{id}/correct', paired: correction },
  ].map((r) => ({ ...r, p50: p50(r.paired.a), p99: p99(r.paired.a), rawP50: p50(r.paired.b), rawP99: p99(r.paired.b) }));
}
