import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { contentOf, type Article, type ArticleContent } from '../domain/article.js';
import type { Media } from '../domain/media.js';
import type { DomainEvent } from '../domain/events.js';
import {
  WriteConflict,
  type AppliedKey,
  type ArticleReader,
  type ContentChange,
  type ContentRepository,
  type OutboxEntry,
  type WorkflowRepository,
} from '../usecases/ports.js';
import { encodeBody, fromItem, toItem } from './article-item.js';
import { keys } from './keys.js';
import { checkItemBudget, itemBytes, valueBytes, type Growth } from './item-size.js';
import { UpdateBuilder } from './update-expression.js';
import { TagItems } from './tag-items.js';
import { tagKeys } from '../domain/tags.js';

/** Reads an article, and writes it conditionally for the repositories built on it. */
export class DynamoArticleReader implements ArticleReader {
  constructor(
    protected readonly db: DynamoDBDocumentClient,
    protected readonly tableName: string,
  ) {}

  async get(id: string): Promise<Article | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.article(id), ConsistentRead: true }));
    return Item ? this.remember(Item) : undefined;
  }

  /** The item as last read or written for an article, to budget the next write against. */
  private readonly items = new WeakMap<Article, Record<string, unknown>>();

  protected remember(item: Record<string, unknown>): Article {
    const article = fromItem(item);
    this.items.set(article, item);
    return article;
  }

  protected itemOf(seen: Article): Record<string, unknown> {
    return this.items.get(seen) ?? toItem(seen);
  }

  protected async write(id: string, update: UpdateBuilder): Promise<void> {
    try {
      await this.db.send(new UpdateCommand({ TableName: this.tableName, Key: keys.article(id), ...update.build() }));
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) throw new WriteConflict();
      throw err;
    }
  }

  protected async update(id: string, update: UpdateBuilder): Promise<Article> {
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

/** Reads an article and moves it through the workflow: what every function that moves articles needs. */
export class DynamoWorkflowRepository extends DynamoArticleReader implements WorkflowRepository {
  async transition(
    seen: Article,
    changes: Partial<Article>,
    events: readonly DomainEvent[],
    now: string,
    opts: { mediaVerified?: boolean; appliedKey?: AppliedKey } = {},
  ): Promise<Article> {
    const update = expectUnchanged(new UpdateBuilder(), seen);
    if (opts.mediaVerified) update.when(`(attribute_not_exists(mediaBlocking) OR mediaBlocking = ${update.value(0)})`);
    const before = this.itemOf(seen);
    const version = seen.version + 1;
    const fields = {
      ...changes,
      updatedAt: now,
      version,
      GSI1PK: changes.status ? keys.statusPartition(changes.status) : undefined,
      appliedKeys: opts.appliedKey && withAppliedKey(before.appliedKeys, opts.appliedKey, version),
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
    const outbox = [...((before.outbox as unknown[] | undefined) ?? []), ...events.map((e, seq) => ({ ...e, seq }))];
    budget(withChanges(before, { ...fields, ...due, outbox, GSI3PK: keys.outboxPartition, GSI3SK: `${now}#${seen.id}` }), 'workflow');
    return this.update(seen.id, update);
  }

  async claimSlug(articleId: string, candidate: (n: number) => string): Promise<string> {
    // One write claims the slug itself when it is free (or this article's already), and counts the
    // claims made on it: whoever comes next with the same headline goes straight to its number.
    const base = candidate(1);
    const { Attributes: claimed } = await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.slug(base),
        UpdateExpression: 'SET articleId = if_not_exists(articleId, :id) ADD claims :one',
        ExpressionAttributeValues: { ':id': articleId, ':one': 1 },
        ReturnValues: 'ALL_NEW',
      }),
    );
    if (claimed?.articleId === articleId) return base;
    // A numbered slug can still be taken: by a headline of its own ("Border 2"), or by a claim made
    // before claims were counted. The count moves on past it.
    for (let n = Math.max(Number(claimed?.claims ?? 0), 2); ; n = await this.countClaim(base)) {
      const slug = candidate(n);
      if (await this.claimExactly(slug, articleId)) return slug;
    }
  }

  /** Claims `slug` if it is free or this article's already; false when another article holds it. */
  private async claimExactly(slug: string, articleId: string): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.slug(slug),
          UpdateExpression: 'SET articleId = :id',
          ConditionExpression: 'attribute_not_exists(PK) OR articleId = :id',
          ExpressionAttributeValues: { ':id': articleId },
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  }

  /** Counts one more claim on the slug `base`, returning how many there have been. */
  private async countClaim(base: string): Promise<number> {
    const { Attributes } = await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.slug(base),
        UpdateExpression: 'ADD claims :one',
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(Attributes?.claims);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ReaderClass = new (...args: any[]) => DynamoArticleReader;

/**
 * Adds the writes that create articles and change their content to a repository class. A mixin,
 * so the write function's repository has them without the workflow's transition write, and the
 * full repository (media functions, local newsroom) has both.
 */
function withContentWrites<B extends ReaderClass>(Base: B) {
  return class extends Base implements ContentRepository {
    private readonly tagItems = new TagItems(this.db, this.tableName);

    async create(article: Article, events: readonly DomainEvent[]): Promise<void> {
      const Item = {
        ...toItem(article),
        outbox: events.map((e, seq) => ({ ...e, seq })),
        GSI3PK: keys.outboxPartition,
        GSI3SK: `${article.createdAt}#${article.id}`,
      };
      budget(Item, 'content');
      // Tags are claimed before the write that gives them (see tag-items.ts).
      await this.tagItems.claim(article, tagKeys(article.tags), article.version);
      try {
        await this.db.send(new PutCommand({ TableName: this.tableName, Item, ConditionExpression: 'attribute_not_exists(PK)' }));
      } catch (err) {
        if (err instanceof ConditionalCheckFailedException) throw new WriteConflict();
        throw err;
      }
    }

    async saveContent(seen: Article, content: Partial<ArticleContent>, now: string, change: ContentChange): Promise<Article> {
      await this.keepRevision(seen);
      const { body, ...fields } = content;
      const before = this.itemOf(seen);
      const version = seen.version + 1;
      const changes = {
        ...fields,
        bodyZ: body === undefined ? undefined : encodeBody(body),
        updatedAt: now,
        version,
        revision: change.revision.revision,
        lastRevision: change.revision,
        corrections: change.correction && [...seen.corrections, change.correction],
        appliedKeys: change.appliedKey && withAppliedKey(before.appliedKeys, change.appliedKey, version),
        slug: change.slug,
      };
      const outbox = [...((before.outbox as unknown[] | undefined) ?? []), ...change.events];
      budget(withChanges(before, { ...changes, outbox }), 'content');
      const update = expectUnchanged(new UpdateBuilder(), seen).set(changes);
      appendToOutbox(update, seen.id, change.events, now);
      // The article's write decides; tag items are claimed before it and released after it (see tag-items.ts).
      const [had, has] = [tagKeys(seen.tags), tagKeys(content.tags ?? seen.tags)];
      await this.tagItems.claim(
        seen,
        has.filter((t) => !had.includes(t)),
        version,
      );
      const saved = await this.update(seen.id, update);
      await this.tagItems.release(
        seen.id,
        had.filter((t) => !has.includes(t)),
        version,
      );
      return saved;
    }

    /**
     * Writes the text `seen` holds as an item of its own, before the article moves past it. Every
     * writer that read this revision writes the same text, so the first one's copy stands and a
     * crash before the article's write leaves only a copy of what the article still holds.
     */
    private async keepRevision(seen: Article): Promise<void> {
      const { body, ...text } = contentOf(seen);
      const Item = { ...keys.revision(seen.id, seen.revision), ...seen.lastRevision, ...text, bodyZ: encodeBody(body) };
      try {
        await this.db.send(new PutCommand({ TableName: this.tableName, Item, ConditionExpression: 'attribute_not_exists(SK)' }));
      } catch (err) {
        if (!(err instanceof ConditionalCheckFailedException)) throw err;
      }
    }
  };
}

/** The write function's: reads, creates and edits articles, never moves them. */
export const DynamoContentRepository = /* @__PURE__ */ withContentWrites(DynamoArticleReader);
export type DynamoContentRepository = InstanceType<typeof DynamoContentRepository>;

/** Every write: moving articles, creating them and changing their content. */
export const DynamoArticleRepository = /* @__PURE__ */ withContentWrites(DynamoWorkflowRepository);
export type DynamoArticleRepository = InstanceType<typeof DynamoArticleRepository>;

/** The item as it would be after setting `changes` (undefined leaves a field as it is). */
export function withChanges(item: Record<string, unknown>, changes: Record<string, unknown>): Record<string, unknown> {
  const next = { ...item };
  for (const [k, v] of Object.entries(changes)) if (v !== undefined) next[k] = v;
  return next;
}

/**
 * Refuses a write that would not fit in a DynamoDB item (see item-size.ts). Each file still
 * pending keeps room for the result and event its verification will add, which nobody can refuse.
 */
export function budget(item: Record<string, unknown>, growth: Growth): void {
  const media = Object.values((item.media as Record<string, Media> | undefined) ?? {});
  const pendingReserve = media
    .filter((m) => m.status === 'pending')
    .reduce((n, m) => n + valueBytes(m) + valueBytes(item.headline) + 512, 0);
  checkItemBudget(itemBytes(item) + pendingReserve, growth, {
    media: valueBytes(item.media ?? {}),
    outbox: valueBytes(item.outbox ?? []),
  });
}

/** How many versions back an article remembers the Idempotency-Keys that moved it. */
const KEYS_KEPT = 16;

/**
 * The keys that moved the article recently, with the version each wrote and its request's
 * fingerprint, plus this one: a retry whose first attempt was applied but never answered
 * finds its outcome here (see DynamoIdempotencyStore.applied).
 */
function withAppliedKey(kept: unknown, key: AppliedKey, version: number): Record<string, AppliedKeyRecord> {
  const recent = Object.entries((kept ?? {}) as Record<string, AppliedKeyRecord>).filter(([, k]) => k.v > version - KEYS_KEPT);
  return Object.fromEntries([...recent, [key.recordId, { v: version, f: key.fingerprint }]]);
}

/** What an article keeps of a key that moved it: the version written and the request's fingerprint. */
export interface AppliedKeyRecord {
  v: number;
  f: string;
}

/** Appends events to the in-item outbox and puts the item on the sparse index of pending work. */
export function appendToOutbox(update: UpdateBuilder, articleId: string, events: readonly DomainEvent[], now: string): void {
  if (events.length === 0) return;
  const entries: OutboxEntry[] = events.map((e, seq) => ({ ...e, seq }));
  update
    .setRaw(`outbox = list_append(if_not_exists(outbox, ${update.value([])}), ${update.value(entries)})`)
    .setRaw(`GSI3PK = ${update.value(keys.outboxPartition)}`)
    .setRaw(`GSI3SK = if_not_exists(GSI3SK, ${update.value(`${now}#${articleId}`)})`);
}

/** Media changes move the version on too, so an If-Match taken before them no longer matches. */
export function bumpVersion(update: UpdateBuilder): UpdateBuilder {
  const version = update.name('version');
  return update.setRaw(`${version} = ${version} + ${update.value(1)}`);
}

/** The one rule of every write: the article is still in the status and version the caller saw. */
function expectUnchanged(update: UpdateBuilder, seen: Article): UpdateBuilder {
  return update.when(
    `${update.name('status')} = ${update.value(seen.status)} AND ${update.name('version')} = ${update.value(seen.version)}`,
  );
}
