import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { IdempotencyBegin, IdempotencyStore, StoredOutcome } from '../http/idempotency.js';
import { decodeBody } from './article-item.js';
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
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.idempotency(recordId),
            status: 'in_progress',
            fingerprint,
            lockUntil: t + LOCK_MS,
            expiresAt: t + KEEP_MS,
            ttl: Math.ceil((t + KEEP_MS) / 1000),
          },
          ConditionExpression: 'attribute_not_exists(PK) OR expiresAt < :now OR #s = :released OR (#s = :running AND lockUntil < :now)',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':now': t, ':released': 'released', ':running': 'in_progress' },
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

/** The outcome a record keeps; records written before outcomes were kept hold the whole response. */
function outcomeOf(item: Record<string, unknown>): StoredOutcome {
  if (typeof item.articleId === 'string') {
    return { statusCode: item.statusCode as number, articleId: item.articleId, version: item.articleVersion as number };
  }
  const response = JSON.parse(decodeBody(item.responseZ as Uint8Array)) as { statusCode: number; body: string };
  const article = JSON.parse(response.body) as { id: string; version: number };
  return { statusCode: response.statusCode, articleId: article.id, version: article.version };
}
