import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tagKeys } from '../domain/tags.js';
import { keys, tagItemKeys } from './keys.js';

/**
 * Tag items: one per tag of an article (`ARTICLE#<id>` / `TAG#<tag key>`), in the byTag index by
 * the article's creation. They are pointers, never the truth: a tag list reads each article and
 * keeps it only if it still has the tag. So they are written around the article's one conditional
 * write, not in a transaction with it (dynalite has none, and it would cost twice as much):
 *
 * - before it, the tags the write adds are claimed (a claim the write then loses points at an
 *   article without the tag, which lists skip);
 * - after it, the tags it removed are released (a release that never happens, after a crash,
 *   leaves the same kind of harmless pointer).
 *
 * Each item remembers the article version whose write last claimed or released it. A release
 * only takes an item out of the index if no later write has claimed it again, so a racing edit
 * that puts a tag back keeps its item; a claim never undoes a later release.
 */
export class TagItems {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Puts the article in the lists of `tagKeys`, for the write that makes `version`. */
  claim(article: { id: string; createdAt: string }, tagKeys: readonly string[], version: number): Promise<unknown> {
    return this.each(article.id, tagKeys, {
      UpdateExpression: 'SET GSI7PK = :pk, GSI7SK = :sk, claimedBy = :v',
      ConditionExpression: 'attribute_not_exists(claimedBy) OR claimedBy <= :v',
      values: (key) => ({ ':pk': tagItemKeys.partition(key), ':sk': keys.listSort(article.createdAt, article.id), ':v': version }),
    });
  }

  /** Takes the article out of the lists of `tagKeys`, which the write that made `version` removed. */
  release(articleId: string, tagKeys: readonly string[], version: number): Promise<unknown> {
    return this.each(articleId, tagKeys, {
      UpdateExpression: 'REMOVE GSI7PK, GSI7SK SET claimedBy = :v',
      ConditionExpression: 'claimedBy <= :v',
      values: () => ({ ':v': version }),
    });
  }

  /** One conditional update per tag; a condition that fails means a later write holds the item, which is fine. */
  private each(
    articleId: string,
    tagKeys: readonly string[],
    op: { UpdateExpression: string; ConditionExpression: string; values: (key: string) => Record<string, unknown> },
  ): Promise<unknown> {
    return Promise.all(
      tagKeys.map((key) =>
        this.db
          .send(
            new UpdateCommand({
              TableName: this.tableName,
              Key: tagItemKeys.of(articleId, key),
              UpdateExpression: op.UpdateExpression,
              ConditionExpression: op.ConditionExpression,
              ExpressionAttributeValues: op.values(key),
            }),
          )
          .catch((err: unknown) => {
            if (!(err instanceof ConditionalCheckFailedException)) throw err;
          }),
      ),
    );
  }
}

/** The tag items an article item implies, as full items: for a table rebuilt or backfilled from articles. */
export function tagItemsOf(article: Record<string, unknown>): Record<string, unknown>[] {
  const id = String(article.id);
  return tagKeys(Array.isArray(article.tags) ? (article.tags as string[]) : []).map((key) => ({
    ...tagItemKeys.of(id, key),
    GSI7PK: tagItemKeys.partition(key),
    GSI7SK: keys.listSort(String(article.createdAt), id),
    claimedBy: article.version,
  }));
}
