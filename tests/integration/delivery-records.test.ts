import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConditionalCheckFailedException, DynamoDBClient, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DomainEvent } from '../../lambdas/domain/events.js';
import { DynamoDeliveryLog } from '../../lambdas/store/delivery-log.js';
import { ensureTable, LOCAL_CREDENTIALS, LOCAL_REGION } from '../../local/storage.js';
import { startDynamo } from '../support/dynamo.js';
import { submission } from '../support/delivery-events.js';

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
let db: DynamoDBDocumentClient;
/** Runs before each request the log under test sends, with its operation. */
let before: ((command: string) => Promise<void>) | undefined;
const sent: string[] = [];

beforeAll(async () => {
  dynamo = await startDynamo('newsroom-delivery-records');
  db = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  db.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push(String(context.commandName).replace(/Command$/, ''));
      await before?.(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'beforeRequest' },
  );
});
afterAll(async () => {
  db.destroy();
  await dynamo.stop();
});

/** The log under test (its requests can be watched and interfered with), and one for everyone else, on a fresh table. */
async function freshLogs() {
  const name = `deliveries-${randomUUID()}`;
  await ensureTable(dynamo.endpoint, name);
  before = undefined;
  sent.length = 0;
  return { log: new DynamoDeliveryLog(db, name), other: new DynamoDeliveryLog(dynamo.db, name), table: name };
}

const DAY = 24 * 3600 * 1000;
const T0 = Date.parse('2026-11-20T10:00:00.000Z');
const CMS = { id: 'cms', origin: 'https://cms.example.com' };
const at = (ms: number) => new Date(ms);

const event = (articleId: string, version: number, minute: number) => submission(articleId, version, new Date(T0 + minute * 60_000));

const keyOf = (e: DomainEvent) => ({ PK: `DELIVERY#${e.articleId}`, SK: `${e.occurredAt}#${e.id}#cms` });
const throttled = () =>
  new ProvisionedThroughputExceededException({ message: 'Rate of requests exceeds the allowed throughput.', $metadata: {} });

describe('recording an attempt', () => {
  it('keeps the first 300 characters of an error, and lets DynamoDB expire the record in whole seconds 7 days on', async () => {
    const { log, table } = await freshLogs();
    const e = event(`art-${randomUUID()}`, 2, 0);
    const error = `unreachable: ${'x'.repeat(400)}`;
    const recorded = await log.recordAttempt({ event: e, target: CMS, error, latencyMs: 2.6, at: 'a' }, at(T0 + 250));
    expect(recorded.lastAttempt).toEqual({ attempt: 1, at: 'a', error: error.slice(0, 300), latencyMs: 3 });
    const { Item } = await dynamo.db.send(new GetCommand({ TableName: table, Key: keyOf(e) }));
    expect(Item).toMatchObject({ expiresAt: T0 + 250 + 7 * DAY, ttl: (T0 + 7 * DAY) / 1000 + 1 });
    expect((Item!.recent as { error: string }[])[0]!.error).toHaveLength(300);
  });

  it('gives up with the conflict after 9 tries when another writer numbers an attempt before each of its writes', async () => {
    const { log, other, table } = await freshLogs();
    const e = event(`art-${randomUUID()}`, 2, 0);
    await other.pending([e], [CMS], at(T0));
    let racing = 0;
    before = async (command) => {
      if (command === 'PutItemCommand') {
        racing++;
        await dynamo.db.send(
          new UpdateCommand({
            TableName: table,
            Key: keyOf(e),
            UpdateExpression: 'SET attempts = attempts + :one',
            ExpressionAttributeValues: { ':one': 1 },
          }),
        );
      }
    };
    await expect(log.recordAttempt({ event: e, target: CMS, statusCode: 204, latencyMs: 1, at: 'a' }, at(T0))).rejects.toBeInstanceOf(
      ConditionalCheckFailedException,
    );
    expect(racing).toBe(9);
    expect(sent.filter((c) => c === 'GetItem')).toHaveLength(9);
  });

  it('fails at once with any other error, having written nothing', async () => {
    const { log, other } = await freshLogs();
    const e = event(`art-${randomUUID()}`, 2, 0);
    await other.pending([e], [CMS], at(T0));
    before = async (command) => {
      if (command === 'PutItemCommand') throw throttled();
    };
    await expect(log.recordAttempt({ event: e, target: CMS, statusCode: 204, latencyMs: 1, at: 'a' }, at(T0))).rejects.toBeInstanceOf(
      ProvisionedThroughputExceededException,
    );
    expect(sent).toEqual(['GetItem', 'PutItem']);
    expect((await other.ofEvent(e.id, at(T0))).map((d) => [d.status, d.attempts])).toEqual([['pending', 0]]);
  });
});

describe("an event's records", () => {
  it('are none for an event id that names no article', async () => {
    const { log } = await freshLogs();
    expect(await log.ofEvent('not an event id', at(T0))).toEqual([]);
  });
});

describe('sweeping expired records', () => {
  it('deletes a record at the moment it expires, 7 days after its last change, not a millisecond before', async () => {
    const { log } = await freshLogs();
    const e = event(`art-${randomUUID()}`, 2, -1);
    await log.pending([e], [CMS], at(T0));
    expect(await log.sweepExpired(at(T0 + 7 * DAY - 1))).toBe(0);
    expect(await log.sweepExpired(at(T0 + 7 * DAY))).toBe(1);
    expect(await log.ofEvent(e.id, at(T0))).toEqual([]);
  });

  it('leaves a record that an attempt renewed while the sweep was reading', async () => {
    const { log, other } = await freshLogs();
    const e = event(`art-${randomUUID()}`, 2, -1);
    await other.pending([e], [CMS], at(T0));
    const sweepAt = T0 + 8 * DAY;
    before = async (command) => {
      if (command === 'DeleteItemCommand') {
        before = undefined;
        await other.recordAttempt({ event: e, target: CMS, statusCode: 204, latencyMs: 1, at: 'late' }, at(sweepAt));
      }
    };
    expect(await log.sweepExpired(at(sweepAt))).toBe(0);
    expect((await other.ofEvent(e.id, at(sweepAt))).map((d) => [d.status, d.attempts])).toEqual([['delivered', 1]]);
  });

  it('stops with any other error', async () => {
    const { log, other } = await freshLogs();
    const e = event(`art-${randomUUID()}`, 2, -1);
    await other.pending([e], [CMS], at(T0));
    before = async (command) => {
      if (command === 'DeleteItemCommand') throw throttled();
    };
    await expect(log.sweepExpired(at(T0 + 8 * DAY))).rejects.toBeInstanceOf(ProvisionedThroughputExceededException);
  });
});
