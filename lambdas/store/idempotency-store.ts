import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AppliedLookup, IdempotencyBegin, IdempotencyStore, StoredOutcome } from '../http/idempotency.js';
import type { AppliedKeyRecord } from './article-repository.js';
import { keys } from './keys.js';

const KEEP_MS = 24 * 3600 * 1000;
/** How long a claimed key waits for its request before a retry may take it over. */
const LOCK_MS = 30 * 1000;

/**
 * Idempotency records in the articles table. Expiry is part of every condition, since
 * TTL deletes late in DynamoDB and never in dynalite; `ttl` only tidies up in the cloud.
 */
export class DynamoIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async begin(recordId: string, fingerprint: string, now: Date): Promise<IdempotencyBegin> {
    const t = now.getTime();
    try {
      // An update, not a put, so a function that never creates articles leaves PutItem out of its bundle.
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.idempotency(recordId),
          // A claim taken over keeps the old outcome's attributes: `complete` overwrites them, and only a completed record is read for them.
          UpdateExpression: 'SET #s = :running, fingerprint = :f, lockUntil = :lock, expiresAt = :exp, #ttl = :ttl',
          ConditionExpression: 'attribute_not_exists(PK) OR expiresAt < :now OR #s = :released OR (#s = :running AND lockUntil < :now)',
          ExpressionAttributeNames: { '#s': 'status', '#ttl': 'ttl' },
          ExpressionAttributeValues: {
            ':now': t,
            ':released': 'released',
            ':running': 'in_progress',
            ':f': fingerprint,
            ':lock': t + LOCK_MS,
            ':exp': t + KEEP_MS,
            ':ttl': Math.ceil((t + KEEP_MS) / 1000),
          },
        }),
      );
      return { state: 'started' };
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    }
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.idempotency(recordId), ConsistentRead: true }),
    );
    if (!Item) return this.begin(recordId, fingerprint, now);
    if (Item.status === 'completed') {
      return { state: 'completed', fingerprint: Item.fingerprint as string, outcome: outcomeOf(Item) };
    }
    return { state: 'in-progress', fingerprint: Item.fingerprint as string };
  }

  /** A few small attributes, whatever the response was: this write cannot fail for size. */
  async complete(recordId: string, outcome: StoredOutcome): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.idempotency(recordId),
        UpdateExpression: 'SET #s = :s, statusCode = :c, articleId = :a, articleVersion = :v',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': 'completed', ':c': outcome.statusCode, ':a': outcome.articleId, ':v': outcome.version },
      }),
    );
  }

  async release(recordId: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.idempotency(recordId),
        UpdateExpression: 'SET #s = :s',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': 'released' },
      }),
    );
  }
}

function outcomeOf(item: Record<string, unknown>): StoredOutcome {
  return { statusCode: item.statusCode as number, articleId: item.articleId as string, version: item.articleVersion as number };
}

/**
 * The outcome of a transition an Idempotency-Key applied, as the article records it (in the
 * transition's own write: see article-repository.ts), when the request had this fingerprint.
 * Only the workflow functions need it, so it stays out of the store's class and their bundles.
 */
export const appliedIn =
  (db: DynamoDBDocumentClient, tableName: string): AppliedLookup =>
  async (articleId, key) => {
    const { Item } = await db.send(
      new GetCommand({
        TableName: tableName,
        Key: keys.article(articleId),
        ProjectionExpression: 'appliedKeys.#k',
        ExpressionAttributeNames: { '#k': key.recordId },
        ConsistentRead: true,
      }),
    );
    const record = (Item?.appliedKeys as Record<string, AppliedKeyRecord> | undefined)?.[key.recordId];
    return record?.f === key.fingerprint ? { statusCode: 200, articleId, version: record.v } : undefined;
  };
