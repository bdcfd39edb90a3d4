import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Article } from '../domain/article.js';
import { COMMENT_ID, commentFromEvent, type Comment } from '../domain/comments.js';
import { badInput } from '../domain/errors.js';
import type { DomainEvent } from '../domain/events.js';
import type { CommentPage, CommentRepository, StoredComment } from '../usecases/comments.js';
import type { OutboxEntry } from '../usecases/ports.js';
import { appendToOutbox, budget, DynamoArticleReader, withChanges } from './article-repository.js';
import { commentKeys, keys } from './keys.js';
import { UpdateBuilder } from './update-expression.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The comment an event puts in the thread, if any (CommentAdded, ChangesRequested). */
export const commentOf = (e: DomainEvent) => commentFromEvent(e, sha256);

/**
 * Comment items are derived from the article's events, like history: the dispatcher writes
 * each one once (a second write of the same event changes nothing), and never over a comment
 * that was resolved or deleted before it got there.
 */
export async function recordComment(db: DynamoDBDocumentClient, tableName: string, entry: DomainEvent): Promise<void> {
  const comment = commentOf(entry);
  if (!comment) return;
  try {
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...commentKeys.of(entry.articleId, comment.id), ...toItem(comment) },
        ConditionExpression: 'attribute_not_exists(SK)',
      }),
    );
  } catch (err) {
    if (!(err instanceof ConditionalCheckFailedException)) throw err;
  }
}

const toItem = ({ resolvedAt, resolvedBy, ...rest }: Comment) => ({ ...rest, ...(resolvedAt ? { resolvedAt, resolvedBy } : {}) });

function fromItem(item: Record<string, unknown>): StoredComment {
  const id = (item.SK as string).slice(commentKeys.prefix.length);
  if (item.deletedAt) return { id, deleted: true };
  const { author, text, quote, createdAt, resolvedAt, resolvedBy } = item as unknown as Comment;
  return {
    id,
    deleted: false,
    comment: { id, author, text, quote: quote ?? null, createdAt, resolvedAt: resolvedAt ?? null, resolvedBy: resolvedBy ?? null },
  };
}

/** The article's comments: the thread under its partition, and the CommentAdded write on the article. */
export class DynamoCommentRepository extends DynamoArticleReader implements CommentRepository {
  /** Comments whose events are still in the outbox of the article as last read: added, maybe not yet recorded. */
  pending(article: Article): Comment[] {
    const outbox = (this.itemOf(article).outbox ?? []) as OutboxEntry[];
    return outbox.map(commentOf).filter((c): c is Comment => c !== undefined);
  }

  /** One conditional write: CommentAdded joins the outbox while the article is at the version `seen` has. */
  async addComment(seen: Article, event: DomainEvent): Promise<void> {
    const before = this.itemOf(seen);
    budget(withChanges(before, { outbox: [...((before.outbox as unknown[] | undefined) ?? []), event] }), 'workflow');
    const update = new UpdateBuilder();
    update.when(`${update.name('version')} = ${update.value(seen.version)}`);
    appendToOutbox(update, seen.id, [event], event.occurredAt);
    await this.write(seen.id, update);
  }

  async getComment(articleId: string, commentId: string): Promise<StoredComment | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: commentKeys.of(articleId, commentId), ConsistentRead: true }),
    );
    return Item ? fromItem(Item) : undefined;
  }

  /**
   * Marks a comment resolved, once. A comment still only in the outbox is written from its event
   * here (the dispatcher's later write then changes nothing). Undefined when it was deleted meanwhile.
   */
  async resolveComment(articleId: string, comment: Comment, by: Comment['author'], at: string): Promise<Comment | undefined> {
    const update = new UpdateBuilder();
    update.when(`attribute_not_exists(${update.name('resolvedAt')}) AND attribute_not_exists(${update.name('deletedAt')})`);
    seedFrom(update, comment);
    update.set({ resolvedAt: at, resolvedBy: by });
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: commentKeys.of(articleId, comment.id),
          ...update.build(),
          ReturnValues: 'ALL_NEW',
        }),
      );
      return fromItem(Attributes!).comment;
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
      // Resolved already (by this request's twin, or someone else): it stays as it was.
      return (await this.getComment(articleId, comment.id))?.comment;
    }
  }

  /** Leaves a tombstone without the text, so the dispatcher never writes the comment again; false when gone already. */
  async deleteComment(articleId: string, comment: Comment, at: string): Promise<boolean> {
    const update = new UpdateBuilder();
    update.when(`attribute_not_exists(${update.name('deletedAt')})`).set({ deletedAt: at });
    update.remove('text', 'quote', 'author');
    try {
      await this.db.send(new UpdateCommand({ TableName: this.tableName, Key: commentKeys.of(articleId, comment.id), ...update.build() }));
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  }

  /**
   * A page of the thread, oldest first. The outbox (read with the article, before the comment
   * items) supplies comments the dispatcher has not recorded yet: a comment recorded between the
   * two reads is seen in at least one of them. They take their place by id among the recorded ones
   * (resolving a comment records it early, ahead of older ones still in the outbox).
   */
  async comments(article: Article, page: { limit: number; cursor?: string }): Promise<CommentPage> {
    const after = page.cursor === undefined ? undefined : decodeCursor(page.cursor, article.id);
    const pk = keys.article(article.id).PK;
    const seen = new Set<string>();
    const found: Comment[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined = after ? commentKeys.of(article.id, after) : undefined;
    let exhausted = false;
    let lastRead: string | undefined;
    while (found.length <= page.limit) {
      const res = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': pk, ':prefix': commentKeys.prefix },
          ConsistentRead: true,
          Limit: page.limit + 1 - found.length,
          ExclusiveStartKey,
        }),
      );
      for (const item of res.Items ?? []) {
        const stored = fromItem(item);
        seen.add(stored.id);
        lastRead = stored.id;
        if (stored.comment) found.push(stored.comment);
      }
      ExclusiveStartKey = res.LastEvaluatedKey;
      if (!ExclusiveStartKey) {
        exhausted = true;
        break;
      }
    }
    // Those in the stretch of the thread this page read (all the rest once the items ran out); one
    // past it comes with the page that reads its stretch.
    const pending = this.pending(article).filter(
      (c) => !seen.has(c.id) && (after === undefined || c.id > after) && (exhausted || c.id < lastRead!),
    );
    found.push(...pending);
    found.sort((a, b) => (a.id < b.id ? -1 : 1));
    const items = found.slice(0, page.limit);
    return { items, nextCursor: found.length > page.limit ? encodeCursor(article.id, items.at(-1)!.id) : null };
  }
}

/** Writes a comment's content unless the item has it already (a tombstone or resolution written first keeps its own). */
function seedFrom(update: UpdateBuilder, comment: Comment): void {
  for (const field of ['author', 'text', 'quote', 'createdAt'] as const) {
    const name = update.name(field);
    update.setRaw(`${name} = if_not_exists(${name}, ${update.value(comment[field])})`);
  }
}

/** A thread cursor: the article it belongs to and the last comment handed out; opaque to callers. */
function encodeCursor(articleId: string, after: string): string {
  return Buffer.from(JSON.stringify({ a: articleId, after })).toString('base64url');
}

function decodeCursor(cursor: string, articleId: string): string {
  let parsed: { a?: unknown; after?: unknown } | undefined;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as typeof parsed;
  } catch {
    parsed = undefined;
  }
  if (parsed?.a !== articleId || typeof parsed.after !== 'string' || !COMMENT_ID.test(parsed.after)) {
    throw badInput('/query/cursor', 'The cursor is not valid for this comment thread.');
  }
  return parsed.after;
}
