import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { toHistoryEntry, type DomainEvent, type HistoryEntry } from '../domain/events.js';
import { isHistoryEvent } from '../domain/workflow.js';
import type { ArticleHistory, HistoryPage, OutboxEntry } from '../usecases/ports.js';
import { decodeHistoryCursor, encodeHistoryCursor, keys } from './keys.js';

/** An article's history, read from its immutable history items and its outbox; only the read function needs it. */
export class DynamoArticleHistory implements ArticleHistory {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * Delivered history plus events still in the outbox, so a transition shows at once; oldest
   * first, `limit` at a time. The outbox is read before the history items: an event the
   * dispatcher moves between the two reads is then seen in at least one of them.
   */
  async history(id: string, page: { limit: number; cursor?: string }): Promise<HistoryPage> {
    const after = page.cursor === undefined ? undefined : decodeHistoryCursor(page.cursor);
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.article(id), ProjectionExpression: 'outbox', ConsistentRead: true }),
    );
    const found: { sk: string; entry: HistoryEntry }[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined = after ? { ...keys.article(id), SK: after } : undefined;
    let exhausted = false;
    // One more than a page, to know whether another follows.
    while (found.length <= page.limit) {
      const res = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': keys.article(id).PK, ':prefix': keys.historyPrefix },
          ConsistentRead: true,
          Limit: page.limit + 1 - found.length,
          ExclusiveStartKey,
        }),
      );
      for (const item of res.Items ?? []) found.push({ sk: item.SK as string, entry: toHistoryEntry(item as DomainEvent) });
      ExclusiveStartKey = res.LastEvaluatedKey;
      if (!ExclusiveStartKey) {
        exhausted = true;
        break;
      }
    }
    if (exhausted) {
      const recorded = new Set(found.map((f) => f.entry.id));
      const pending = ((Item?.outbox ?? []) as OutboxEntry[])
        .filter((e) => isHistoryEvent(e.type) && !recorded.has(e.id))
        .map((e) => ({ sk: keys.history(id, e.version, e.seq).SK, entry: toHistoryEntry(e) }))
        .filter((p) => after === undefined || p.sk > after)
        .sort((a, b) => (a.sk < b.sk ? -1 : a.sk > b.sk ? 1 : 0));
      found.push(...pending);
    }
    const items = found.slice(0, page.limit);
    return {
      items: items.map((f) => f.entry),
      nextCursor: found.length > page.limit ? encodeHistoryCursor(items.at(-1)!.sk) : null,
    };
  }
}
