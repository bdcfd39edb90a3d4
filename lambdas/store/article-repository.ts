import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Article, ArticleContent } from '../domain/article.js';
import type { Media } from '../domain/media.js';
import { toHistoryEntry, type DomainEvent, type HistoryEntry } from '../domain/events.js';
import { isTransitionEvent } from '../domain/workflow.js';
import { WriteConflict, type ArticleRepository, type HistoryPage, type OutboxEntry } from '../usecases/ports.js';
import { encodeBody, fromItem, toItem } from './article-item.js';
import { decodeHistoryCursor, encodeHistoryCursor, keys } from './keys.js';
import { checkItemBudget, itemBytes, valueBytes, type Growth } from './item-size.js';
import { UpdateBuilder } from './update-expression.js';

export class DynamoArticleRepository implements ArticleRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async create(article: Article): Promise<void> {
    const Item = toItem(article);
    budget(Item, 'content');
    try {
      await this.db.send(new PutCommand({ TableName: this.tableName, Item, ConditionExpression: 'attribute_not_exists(PK)' }));
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) throw new WriteConflict();
      throw err;
    }
  }

  async get(id: string): Promise<Article | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.article(id), ConsistentRead: true }));
    return Item ? this.remember(Item) : undefined;
  }

  /** The item as last read or written for an article, to budget the next write against. */
  private readonly items = new WeakMap<Article, Record<string, unknown>>();

  private remember(item: Record<string, unknown>): Article {
    const article = fromItem(item);
    this.items.set(article, item);
    return article;
  }

  private itemOf(seen: Article): Record<string, unknown> {
    return this.items.get(seen) ?? toItem(seen);
  }

  async saveContent(seen: Article, content: Partial<ArticleContent>, now: string): Promise<Article> {
    const { body, ...fields } = content;
    const changes = {
      ...fields,
      bodyZ: body === undefined ? undefined : encodeBody(body),
      updatedAt: now,
      version: seen.version + 1,
    };
    budget(withChanges(this.itemOf(seen), changes), 'content');
    const update = expectUnchanged(new UpdateBuilder(), seen).set(changes);
    return this.update(seen.id, update);
  }

  async transition(
    seen: Article,
    changes: Partial<Article>,
    events: readonly DomainEvent[],
    now: string,
    opts: { mediaVerified?: boolean } = {},
  ): Promise<Article> {
    const update = expectUnchanged(new UpdateBuilder(), seen);
    if (opts.mediaVerified) update.when(`(attribute_not_exists(mediaBlocking) OR mediaBlocking = ${update.value(0)})`);
    const fields = {
      ...changes,
      updatedAt: now,
      version: seen.version + 1,
      GSI1PK: changes.status ? keys.statusPartition(changes.status) : undefined,
    };
    update.set(fields);
    appendToOutbox(update, seen.id, events, now);
    const after = { ...seen, ...changes };
    const due =
      after.status === 'scheduled' && after.publishAt ? { GSI4PK: keys.duePartition, GSI4SK: `${after.publishAt}#${seen.id}` } : {};
    if (after.status === 'scheduled' && after.publishAt) {
      update.set(due);
    } else if (seen.status === 'scheduled') {
      update.remove('GSI4PK', 'GSI4SK');
    }
    const before = this.itemOf(seen);
    const outbox = [...((before.outbox as unknown[] | undefined) ?? []), ...events.map((e, seq) => ({ ...e, seq }))];
    budget(withChanges(before, { ...fields, ...due, outbox, GSI3PK: keys.outboxPartition, GSI3SK: `${now}#${seen.id}` }), 'workflow');
    return this.update(seen.id, update);
  }

  async attachMedia(seen: Article, media: Media, maxPerArticle: number): Promise<void> {
    const before = this.itemOf(seen);
    const files = { ...((before.media as Record<string, Media> | undefined) ?? {}), [media.id]: media };
    budget(withChanges(before, { media: files, mediaBlocking: Object.keys(files).length }), 'workflow');
    const update = new UpdateBuilder();
    const slot = `media.${update.name(media.id)}`;
    update
      .when(`${update.name('status')} = ${update.value(seen.status)}`)
      .when(`size(media) < ${update.value(maxPerArticle)}`)
      .when(`attribute_not_exists(${slot})`)
      .setRaw(`${slot} = ${update.value(media)}`)
      .setRaw(`mediaBlocking = if_not_exists(mediaBlocking, ${update.value(0)}) + ${update.value(1)}`);
    await this.write(seen.id, bumpVersion(update));
  }

  /** The event carries the version the verdict gives the article: the write expects the one before it. */
  async settleMedia(articleId: string, media: Media, event: DomainEvent): Promise<boolean> {
    const update = new UpdateBuilder();
    const slot = `media.${update.name(media.id)}`;
    update
      .when(`${slot}.${update.name('status')} = ${update.value('pending')}`)
      .when(`${update.name('version')} = ${update.value(event.version - 1)}`)
      .setRaw(`${slot} = ${update.value(media)}`)
      .set({ version: event.version });
    if (media.status === 'ready') update.setRaw(`mediaBlocking = mediaBlocking - ${update.value(1)}`);
    appendToOutbox(update, articleId, [event], event.occurredAt);
    try {
      await this.write(articleId, update);
      return true;
    } catch (err) {
      if (err instanceof WriteConflict) return false;
      throw err;
    }
  }

  async removeMedia(seen: Article, media: Media): Promise<void> {
    const update = new UpdateBuilder();
    const slot = `media.${update.name(media.id)}`;
    update
      .when(`${update.name('status')} = ${update.value(seen.status)}`)
      .when(`${slot}.${update.name('status')} = ${update.value(media.status)}`)
      .removeRaw(slot);
    if (media.status !== 'ready') update.setRaw(`mediaBlocking = mediaBlocking - ${update.value(1)}`);
    await this.write(seen.id, bumpVersion(update));
  }

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
        .filter((e) => isTransitionEvent(e.type) && !recorded.has(e.id))
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

  private async write(id: string, update: UpdateBuilder): Promise<void> {
    try {
      await this.db.send(new UpdateCommand({ TableName: this.tableName, Key: keys.article(id), ...update.build() }));
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) throw new WriteConflict();
      throw err;
    }
  }

  private async update(id: string, update: UpdateBuilder): Promise<Article> {
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({ TableName: this.tableName, Key: keys.article(id), ...update.build(), ReturnValues: 'ALL_NEW' }),
      );
      return this.remember(Attributes!);
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) throw new WriteConflict();
      throw err;
    }
  }
}

/** The item as it would be after setting `changes` (undefined leaves a field as it is). */
function withChanges(item: Record<string, unknown>, changes: Record<string, unknown>): Record<string, unknown> {
  const next = { ...item };
  for (const [k, v] of Object.entries(changes)) if (v !== undefined) next[k] = v;
  return next;
}

/**
 * Refuses a write that would not fit in a DynamoDB item (see item-size.ts). Each file still
 * pending keeps room for the result and event its verification will add, which nobody can refuse.
 */
function budget(item: Record<string, unknown>, growth: Growth): void {
  const media = Object.values((item.media as Record<string, Media> | undefined) ?? {});
  const pendingReserve = media
    .filter((m) => m.status === 'pending')
    .reduce((n, m) => n + valueBytes(m) + valueBytes(item.headline) + 512, 0);
  checkItemBudget(itemBytes(item) + pendingReserve, growth, {
    media: valueBytes(item.media ?? {}),
    outbox: valueBytes(item.outbox ?? []),
  });
}

/** Appends events to the in-item outbox and puts the item on the sparse index of pending work. */
function appendToOutbox(update: UpdateBuilder, articleId: string, events: readonly DomainEvent[], now: string): void {
  if (events.length === 0) return;
  const entries: OutboxEntry[] = events.map((e, seq) => ({ ...e, seq }));
  update
    .setRaw(`outbox = list_append(if_not_exists(outbox, ${update.value([])}), ${update.value(entries)})`)
    .setRaw(`GSI3PK = ${update.value(keys.outboxPartition)}`)
    .setRaw(`GSI3SK = if_not_exists(GSI3SK, ${update.value(`${now}#${articleId}`)})`);
}

/** Media changes move the version on too, so an If-Match taken before them no longer matches. */
function bumpVersion(update: UpdateBuilder): UpdateBuilder {
  const version = update.name('version');
  return update.setRaw(`${version} = ${version} + ${update.value(1)}`);
}

/** The one rule of every write: the article is still in the status and version the caller saw. */
function expectUnchanged(update: UpdateBuilder, seen: Article): UpdateBuilder {
  return update.when(
    `${update.name('status')} = ${update.value(seen.status)} AND ${update.name('version')} = ${update.value(seen.version)}`,
  );
}
