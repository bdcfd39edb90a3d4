import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { IdempotencyBegin, IdempotencyStore, StoredResponse } from '../http/idempotency.js';
import { decodeBody, encodeBody } from './article-item.js';
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
      return {
        state: 'completed',
        fingerprint: Item.fingerprint as string,
        response: JSON.parse(decodeBody(Item.responseZ as Uint8Array)) as StoredResponse,
      };
    }
    return { state: 'in-progress', fingerprint: Item.fingerprint as string };
  }

  complete(recordId: string, response: StoredResponse): Promise<void> {
    return this.mark(recordId, 'completed', encodeBody(JSON.stringify(response)));
  }

  release(recordId: string): Promise<void> {
    return this.mark(recordId, 'released');
  }

  private async mark(recordId: string, status: 'completed' | 'released', responseZ?: Uint8Array): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.idempotency(recordId),
        UpdateExpression: responseZ ? 'SET #s = :s, responseZ = :r' : 'SET #s = :s',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: responseZ ? { ':s': status, ':r': responseZ } : { ':s': status },
      }),
    );
  }
}
