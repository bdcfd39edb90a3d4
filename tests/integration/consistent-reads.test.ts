import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDeliveryLog } from '../../lambdas/store/delivery-log.js';
import { appliedIn, DynamoIdempotencyStore } from '../../lambdas/store/idempotency-store.js';
import { DynamoOutbox } from '../../lambdas/store/outbox-store.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/storage.js';
import { startDynamo } from '../support/dynamo.js';
import { submission } from '../support/delivery-events.js';

/**
 * DynamoDB reads are eventually consistent unless a request asks for `ConsistentRead` (Developer
 * Guide, "Read consistency"): a read that decides a write, or shows a caller what it just did,
 * must ask for it on the table; a global secondary index refuses it (ValidationException).
 * dynalite is always consistent, so what each adapter asks DynamoDB for is pinned here.
 */
let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let db: DynamoDBDocumentClient;
const sent: { command: string; input: Record<string, unknown> }[] = [];

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-consistent-reads');
  db = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  db.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push({ command: String(context.commandName), input: { ...(args.input as Record<string, unknown>) } });
      return next(args);
    },
    { step: 'initialize', name: 'recordRequests' },
  );
});
afterAll(async () => {
  db.destroy();
  await dynamo.stop();
});

/** The requests a piece of work sends, by operation. */
async function requestsOf(work: () => Promise<unknown>) {
  sent.length = 0;
  await work();
  return sent.map((s) => ({
    command: s.command.replace(/(Item)?Command$/, ''),
    consistent: s.input.ConsistentRead,
    index: s.input.IndexName,
  }));
}

const T0 = Date.parse('2026-11-20T10:00:00.000Z');
const CMS = { id: 'cms', origin: 'https://cms.example.com' };

const event = (articleId: string, version: number) => submission(articleId, version, new Date(T0 + version * 60_000));

describe('reads that decide a write or show its result are strongly consistent', () => {
  it('the delivery log reads a record before numbering an attempt, and an event’s records, consistently', async () => {
    const log = new DynamoDeliveryLog(db, dynamo.tableName);
    const e = event(`art-${randomUUID()}`, 2);
    await log.pending([e], [CMS], new Date(T0));
    const attempt = await requestsOf(() =>
      log.recordAttempt({ event: e, target: CMS, statusCode: 204, latencyMs: 3, at: e.occurredAt }, new Date(T0)),
    );
    expect(attempt).toEqual([
      { command: 'Get', consistent: true, index: undefined },
      { command: 'Put', consistent: undefined, index: undefined },
    ]);
    expect(await requestsOf(() => log.ofEvent(e.id, new Date(T0)))).toEqual([{ command: 'Query', consistent: true, index: undefined }]);
  });

  it('an article’s deliveries are read from the table consistently; a status list reads the index, which cannot be', async () => {
    const log = new DynamoDeliveryLog(db, dynamo.tableName);
    const articleId = `art-${randomUUID()}`;
    await log.pending([event(articleId, 2)], [CMS], new Date(T0));
    expect(await requestsOf(() => log.list({ articleId, limit: 5 }, new Date(T0)))).toEqual([
      { command: 'Query', consistent: true, index: undefined },
    ]);
    expect(await requestsOf(() => log.list({ status: 'pending', limit: 5 }, new Date(T0)))).toEqual([
      { command: 'Query', consistent: undefined, index: 'deliveries' },
    ]);
  });

  it('the dispatcher reads an article’s outbox consistently', async () => {
    const outbox = new DynamoOutbox(db, dynamo.tableName);
    expect(await requestsOf(() => outbox.pendingEvents(randomUUID()))).toEqual([{ command: 'Get', consistent: true, index: undefined }]);
  });

  it('an idempotency key that could not be claimed is read back consistently, as is a transition’s applied key', async () => {
    const store = new DynamoIdempotencyStore(db, dynamo.tableName);
    const id = randomUUID();
    await store.begin(id, 'fp', new Date(T0));
    expect(await requestsOf(() => store.begin(id, 'fp', new Date(T0 + 1000)))).toEqual([
      { command: 'Update', consistent: undefined, index: undefined },
      { command: 'Get', consistent: true, index: undefined },
    ]);
    const applied = appliedIn(db, dynamo.tableName);
    expect(await requestsOf(() => applied(randomUUID(), { recordId: id, fingerprint: 'fp' }))).toEqual([
      { command: 'Get', consistent: true, index: undefined },
    ]);
  });
});
