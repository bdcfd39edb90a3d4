import { createHash } from 'node:crypto';
import { ARTICLE_FIELDS, type Status } from '../domain/article.js';
import { badInput } from '../domain/errors.js';

/**
 * The single table's key shapes. Nothing outside this module builds a key string.
 *
 * | item    | PK             | SK                          |
 * | article | ARTICLE#<id>   | ARTICLE                     |
 * | history | ARTICLE#<id>   | EVENT#<version:10>#<seq>    |
 * | revision | ARTICLE#<id>  | REVISION#<revision:10>      |
 * | comment | ARTICLE#<id>   | COMMENT#<commentId>         |
 * | tag     | ARTICLE#<id>   | TAG#<tag key>               |
 * | idempotency record | IDEMPOTENCY#<sha256> | IDEMPOTENCY  |
 * | delivery record | DELIVERY#<articleId> | <occurredAt>#<eventId>#<targetId> |
 * | slug claim | SLUG#<slug>      | SLUG                        |
 * | author profile | PROFILE#<userId> | PROFILE            |
 */
export const INDEX = {
  byStatus: 'byStatus',
  byAuthor: 'byAuthor',
  outbox: 'outbox',
  dueForPublish: 'dueForPublish',
  /** The same keys as dueForPublish (scheduled articles by publishAt), with the list summary projected. */
  scheduledByTime: 'scheduledByTime',
} as const;

/** Indexes only the read function queries; apart from INDEX, so the workers' bundles do not carry their names. */
export const LIST_INDEX = {
  /** The status partitions (GSI1PK) again, ordered by the article's own `updatedAt`: every write that changes it moves the item. */
  byStatusUpdated: 'byStatusUpdated',
  /** The author partitions (GSI2PK) by `updatedAt`. */
  byAuthorUpdated: 'byAuthorUpdated',
  /** Tag items by tag, newest article first: one item per tag under the article's partition, keys only. */
  byTag: 'byTag',
} as const;

/** Article attributes projected into the list indexes: everything but the body and the outbox. */
export const SUMMARY_ATTRIBUTES = ARTICLE_FIELDS;

/** The attributes the deliveries index projects: everything a list shows, not the event itself. */
export const DELIVERY_LIST_ATTRIBUTES = [
  'eventId',
  'eventType',
  'articleId',
  'occurredAt',
  'targetId',
  'origin',
  'status',
  'attempts',
  'recent',
  'updatedAt',
  'expiresAt',
] as const;

export const keys = {
  article: (id: string) => ({ PK: `ARTICLE#${id}`, SK: 'ARTICLE' }),
  historyPrefix: 'EVENT#',
  history: (id: string, version: number, seq: number) => ({
    PK: `ARTICLE#${id}`,
    SK: `EVENT#${String(version).padStart(10, '0')}#${seq}`,
  }),
  /** Newest-first sort key shared by the list indexes; also what a cursor remembers. */
  listSort: (createdAt: string, id: string) => `${createdAt}#${id}`,
  statusPartition: (status: Status) => `STATUS#${status}`,
  authorPartition: (authorId: string) => `AUTHOR#${authorId}`,
  outboxPartition: 'OUTBOX',
  duePartition: 'SCHEDULED',
  revisionPrefix: 'REVISION#',
  revision: (id: string, revision: number) => ({ PK: `ARTICLE#${id}`, SK: `REVISION#${String(revision).padStart(10, '0')}` }),
  idempotencyPrefix: 'IDEMPOTENCY#',
  idempotency: (recordId: string) => ({ PK: `IDEMPOTENCY#${recordId}`, SK: 'IDEMPOTENCY' }),
  /** Which article a slug belongs to: one item per slug makes slugs unique across the site. */
  slug: (slug: string) => ({ PK: `SLUG#${slug}`, SK: 'SLUG' }),
};

/**
 * Delivery records' keys, apart from `keys` so that functions which never touch the delivery
 * log do not carry them. Only delivery records have GSI5 keys: the `deliveries` index holds
 * nothing else.
 */
export const deliveryKeys = {
  index: 'deliveries',
  prefix: 'DELIVERY#',
  /** The table sort key and the deliveries index sort key of a delivery record are the same string. */
  sort: (occurredAt: string, eventId: string, targetId: string) => `${occurredAt}#${eventId}#${targetId}`,
  partition: (articleId: string) => `DELIVERY#${articleId}`,
  statusPartition: (status: string) => `DELIVERIES#${status}`,
} as const;
/**
 * An article's item for one of its tags (by tag key, see domain/tags.ts), and the byTag partition it
 * sits in; apart from `keys`, so only the functions that write or list tags bundle them.
 */
export const tagItemKeys = {
  of: (id: string, tagKey: string) => ({ PK: `ARTICLE#${id}`, SK: `TAG#${storedTagKey(tagKey)}` }),
  partition: (tagKey: string) => `TAG#${storedTagKey(tagKey)}`,
};

/**
 * DynamoDB takes a sort key of at most 1,024 UTF-8 bytes (dynalite counts UTF-16 units, so only AWS
 * would refuse it), and NFKC can spell one character as 18 (U+FDFA): a tag key that long is stored as
 * its start and its SHA-256. Lists compare the article's own tags with the full key, so two tags that
 * shared a stored key would still each list only their own articles.
 */
export function storedTagKey(tagKey: string): string {
  if (Buffer.byteLength(tagKey, 'utf8') <= 512) return tagKey;
  return `${[...tagKey].slice(0, 100).join('')}~${createHash('sha256').update(tagKey).digest('base64url')}`;
}
/** Comment items, under the article's partition; kept apart from `keys` so only the functions that use them bundle them. */
export const commentKeys = {
  prefix: 'COMMENT#',
  of: (id: string, commentId: string) => ({ PK: `ARTICLE#${id}`, SK: `COMMENT#${commentId}` }),
};

/** Author profiles, one item per user; kept apart from `keys` so only the functions that use them bundle them. */
export const profileKeys = {
  prefix: 'PROFILE#',
  of: (userId: string) => ({ PK: `PROFILE#${userId}`, SK: 'PROFILE' }),
};

const ARTICLE_PK = /^ARTICLE#(.+)$/;

/** The article id in an article's partition key, or undefined for any other item's key. */
export function articleIdFromKey(pk: unknown): string | undefined {
  return typeof pk === 'string' ? ARTICLE_PK.exec(pk)?.[1] : undefined;
}

/** The GSI key attributes an article item carries, derived from its fields. */
export function articleIndexKeys(a: { id: string; status: Status; authorId: string; createdAt: string }) {
  return {
    GSI1PK: keys.statusPartition(a.status),
    GSI1SK: keys.listSort(a.createdAt, a.id),
    GSI2PK: keys.authorPartition(a.authorId),
    GSI2SK: keys.listSort(a.createdAt, a.id),
  };
}

const LIST_SORT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)#([A-Za-z0-9-]{1,64})$/;

/** Parses a list sort key back into the article id it belongs to, or undefined when malformed. */
export function idFromListSort(sort: string): string | undefined {
  return LIST_SORT.exec(sort)?.[2];
}

const HISTORY_SORT = /^EVENT#\d{10}#\d{1,4}$/;

/** A history cursor: the sort key of the last entry handed out, opaque to callers. */
export function encodeHistoryCursor(sk: string): string {
  return Buffer.from(JSON.stringify({ after: sk })).toString('base64url');
}

export function decodeHistoryCursor(cursor: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const after = (parsed as { after?: unknown } | null | undefined)?.after;
  if (typeof after !== 'string' || !HISTORY_SORT.test(after)) {
    throw badInput('/query/cursor', 'The cursor is not valid for this history.');
  }
  return after;
}
