import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Outbox, OutboxEntry } from '../usecases/ports.js';
import { recordComment } from './comment-store.js';
import { articleIdFromKey, INDEX, keys } from './keys.js';
import { UpdateBuilder } from './update-expression.js';

/** The outbox kept inside each article item, and the sparse index of articles with pending events. */
export class DynamoOutbox implements Outbox {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async articlesWithPendingEvents(limit: number): Promise<string[]> {
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: INDEX.outbox,
        KeyConditionExpression: 'GSI3PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.outboxPartition },
        Limit: limit,
      }),
    );
    return Items.map((i) => articleIdFromKey(i.PK)).filter((id): id is string => id !== undefined);
  }

  /** Every article with pending events, oldest first, a page at a time (the index holds keys only). */
  async everyArticleWithPendingEvents(): Promise<string[]> {
    const ids: string[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: INDEX.outbox,
          KeyConditionExpression: 'GSI3PK = :pk',
          ExpressionAttributeValues: { ':pk': keys.outboxPartition },
          ExclusiveStartKey,
        }),
      );
      for (const item of page.Items ?? []) {
        const id = articleIdFromKey(item.PK);
        if (id) ids.push(id);
      }
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return ids;
  }

  async pendingEvents(articleId: string): Promise<OutboxEntry[]> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.article(articleId),
        ProjectionExpression: 'outbox',
        ConsistentRead: true,
      }),
    );
    return (Item?.outbox ?? []) as OutboxEntry[];
  }

  /** History items are immutable: a second write of the same event changes nothing. */
  async recordHistory(entry: OutboxEntry): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.history(entry.articleId, entry.version, entry.seq), ...entry },
          ConditionExpression: 'attribute_not_exists(SK)',
        }),
      );
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    }
  }

  recordComment(entry: OutboxEntry): Promise<void> {
    return recordComment(this.db, this.tableName, entry);
  }

  /**
   * History items for many events at once, 25 to a BatchWriteItem. A history item is immutable and
   * always written whole from its event, so writing one again leaves it as it was.
   */
  async recordHistories(entries: readonly OutboxEntry[]): Promise<void> {
    for (let i = 0; i < entries.length; i += 25) {
      let requests: { PutRequest: { Item: Record<string, unknown> } }[] = entries
        .slice(i, i + 25)
        .map((e) => ({ PutRequest: { Item: { ...keys.history(e.articleId, e.version, e.seq), ...e } } }));
      for (let tries = 0; requests.length > 0; tries++) {
        if (tries > 0) await new Promise((r) => setTimeout(r, 25 * 2 ** tries));
        if (tries > 6) throw new Error(`${requests.length} history items left unprocessed`);
        const out = await this.db.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } }));
        requests = (out.UnprocessedItems?.[this.tableName] ?? []) as typeof requests;
      }
    }
  }

  /**
   * Acknowledges events that make up the whole outbox and takes the article off the pending index,
   * in one conditional write. False, with nothing changed, if the outbox holds anything else.
   */
  async acknowledgeAll(articleId: string, delivered: readonly OutboxEntry[]): Promise<boolean> {
    const update = new UpdateBuilder();
    update.when(`size(outbox) = ${update.value(delivered.length)}`);
    delivered.forEach((e, i) => update.when(`outbox[${i}].id = ${update.value(e.id)}`));
    for (let i = delivered.length - 1; i >= 0; i--) update.removeRaw(`outbox[${i}]`);
    update.remove('GSI3PK', 'GSI3SK');
    try {
      await this.db.send(new UpdateCommand({ TableName: this.tableName, Key: keys.article(articleId), ...update.build() }));
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  }

  /**
   * Removes delivered events from the head of the outbox, only if they are still there
   * (a second dispatcher that delivered them too changes nothing), then leaves the
   * pending index once the outbox is empty.
   */
  async acknowledge(articleId: string, delivered: readonly OutboxEntry[]): Promise<void> {
    if (delivered.length > 0) {
      const update = new UpdateBuilder();
      delivered.forEach((e, i) => update.when(`outbox[${i}].id = ${update.value(e.id)}`));
      // Highest index first: DynamoDB reads every index against the list before the update,
      // dynalite applies them one by one; in this order both remove the same events.
      for (let i = delivered.length - 1; i >= 0; i--) update.removeRaw(`outbox[${i}]`);
      try {
        await this.db.send(new UpdateCommand({ TableName: this.tableName, Key: keys.article(articleId), ...update.build() }));
      } catch (err) {
        if (err instanceof ConditionalCheckFailedException) return;
        throw err;
      }
    }
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.article(articleId),
          UpdateExpression: 'REMOVE GSI3PK, GSI3SK',
          ConditionExpression: 'size(outbox) = :empty',
          ExpressionAttributeValues: { ':empty': 0 },
        }),
      );
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    }
  }
}
