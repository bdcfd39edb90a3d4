import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Status } from '../domain/article.js';
import type { SiteIndex, SiteRecord } from '../usecases/site-ports.js';
import { INDEX, keys } from './keys.js';

/**
 * The renderer's own items: one per article the site has shown (`SITE#<articleId>`), written
 * after its files. Live ones also sit in the byStatus index under `SITE#live`, newest publication
 * first, so the front page is one query of 50 keys and one batch read, however many articles exist.
 */
export const siteKeys = {
  record: (articleId: string) => ({ PK: `SITE#${articleId}`, SK: 'SITE' }),
  livePartition: 'SITE#live',
  liveSort: (publishedAt: string, articleId: string) => `${publishedAt}#${articleId}`,
  /** When the last front-page render began: a request made well before it is already served. */
  front: { PK: 'SITE#front-page', SK: 'SITE' },
} as const;

export class DynamoSiteIndex implements SiteIndex {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(articleId: string): Promise<SiteRecord | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: siteKeys.record(articleId), ConsistentRead: true }),
    );
    return Item ? recordOf(Item) : undefined;
  }

  async put(record: SiteRecord): Promise<boolean> {
    const live =
      record.state === 'live'
        ? { GSI1PK: siteKeys.livePartition, GSI1SK: siteKeys.liveSort(record.entry.publishedAt, record.articleId) }
        : {};
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...siteKeys.record(record.articleId), ...record, ...live },
          // An older render arriving late never replaces a newer one's record.
          ConditionExpression: 'attribute_not_exists(PK) OR renderedVersion <= :v',
          ExpressionAttributeValues: { ':v': record.renderedVersion },
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  }

  async latest(limit: number): Promise<SiteRecord[]> {
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: INDEX.byStatus,
        KeyConditionExpression: 'GSI1PK = :p',
        ExpressionAttributeValues: { ':p': siteKeys.livePartition },
        ProjectionExpression: 'PK, SK',
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    if (Items.length === 0) return [];
    const read = await this.batchGet(Items.map((i) => ({ PK: i.PK, SK: i.SK })));
    const byKey = new Map(read.map((r) => [r.articleId, r]));
    // The index is eventually consistent: a record that left since is dropped, and order is the index's.
    return Items.map((i) => byKey.get(String(i.PK).slice('SITE#'.length))).filter((r): r is SiteRecord => r?.state === 'live');
  }

  /** The records of these articles (for the repair pass), by article id. */
  async many(articleIds: readonly string[]): Promise<Map<string, SiteRecord>> {
    const out = new Map<string, SiteRecord>();
    for (let i = 0; i < articleIds.length; i += 100) {
      for (const r of await this.batchGet(articleIds.slice(i, i + 100).map(siteKeys.record))) out.set(r.articleId, r);
    }
    return out;
  }

  /** Every article in these statuses with its version, from the byStatus index (the repair pass's walk). */
  async *articlesIn(statuses: readonly Status[]): AsyncGenerator<{ id: string; version: number }[]> {
    for (const status of statuses) {
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await this.db.send(
          new QueryCommand({
            TableName: this.tableName,
            IndexName: INDEX.byStatus,
            KeyConditionExpression: 'GSI1PK = :p',
            ExpressionAttributeValues: { ':p': keys.statusPartition(status) },
            ProjectionExpression: 'id, version',
            ExclusiveStartKey,
          }),
        );
        ExclusiveStartKey = page.LastEvaluatedKey;
        yield (page.Items ?? []).map((i) => ({ id: String(i.id), version: Number(i.version) }));
      } while (ExclusiveStartKey);
    }
  }

  async frontStartedAt(): Promise<string | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: siteKeys.front, ConsistentRead: true }));
    return Item?.startedAt as string | undefined;
  }

  async markFrontStarted(at: string): Promise<void> {
    await this.db
      .send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...siteKeys.front, startedAt: at },
          // Renders may finish out of order: the mark only moves forward.
          ConditionExpression: 'attribute_not_exists(PK) OR startedAt < :at',
          ExpressionAttributeValues: { ':at': at },
        }),
      )
      .catch((err: unknown) => {
        if (!(err instanceof ConditionalCheckFailedException)) throw err;
      });
  }

  private async batchGet(Keys: Record<string, unknown>[]): Promise<SiteRecord[]> {
    const out: SiteRecord[] = [];
    let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead?: boolean }> | undefined = {
      [this.tableName]: { Keys, ConsistentRead: true },
    };
    for (let attempt = 0; request && Object.keys(request).length > 0; attempt++) {
      if (attempt > 0) await new Promise((ok) => setTimeout(ok, Math.min(1_000, 50 * 2 ** attempt)));
      const res = await this.db.send(new BatchGetCommand({ RequestItems: request }));
      out.push(...(res.Responses?.[this.tableName] ?? []).map(recordOf));
      request = res.UnprocessedKeys as typeof request;
    }
    return out;
  }
}

function recordOf(item: Record<string, unknown>): SiteRecord {
  return {
    articleId: String(item.articleId),
    slug: String(item.slug),
    renderedVersion: Number(item.renderedVersion),
    state: item.state as SiteRecord['state'],
    mediaPaths: (item.mediaPaths as string[] | undefined) ?? [],
    entry: item.entry as SiteRecord['entry'],
  };
}
