import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { CONTENT_FIELDS, type Article } from '../domain/article.js';
import { badInput } from '../domain/errors.js';
import type { DomainEvent } from '../domain/events.js';
import { blocksApproval } from '../domain/media.js';
import { articleIndexKeys, keys, SUMMARY_ATTRIBUTES } from './keys.js';

/**
 * Bodies are stored deflated: a 200,000-character body in a non-Latin script is up to
 * 800 KB as UTF-8, beyond DynamoDB's 400 KB item limit, and prose compresses well.
 */
const MAX_STORED_BODY_BYTES = 300 * 1024;

export function encodeBody(body: string): Uint8Array {
  const packed = deflateRawSync(Buffer.from(body, 'utf8'));
  if (packed.byteLength > MAX_STORED_BODY_BYTES) {
    throw badInput('/body', '`body` is too large to store, even compressed.');
  }
  return packed;
}

export function decodeBody(packed: Uint8Array | undefined): string {
  return packed ? inflateRawSync(packed).toString('utf8') : '';
}

export interface ArticleItem extends Record<string, unknown> {
  outbox?: DomainEvent[];
}

export function toItem(article: Article): ArticleItem {
  const { body, media = {}, ...rest } = article;
  return {
    ...keys.article(article.id),
    ...articleIndexKeys(article),
    ...rest,
    bodyZ: encodeBody(body),
    media,
    // How many attached files are not (yet) verified: approval is conditional on zero.
    mediaBlocking: Object.values(media).filter(blocksApproval).length,
    outbox: [],
  };
}

/** Reads an article from a full item, or a summary (no body) from a list index. */
export function fromItem(item: Record<string, unknown>): Article {
  const article = {} as Record<string, unknown>;
  for (const f of SUMMARY_ATTRIBUTES) article[f] = item[f] ?? null;
  article.tags = (item.tags as string[] | undefined) ?? [];
  article.body = item.bodyZ ? decodeBody(item.bodyZ as Uint8Array) : undefined;
  if (article.body !== undefined) {
    // A full read. Articles written before revisions were kept are at their first.
    article.revision = item.revision ?? 1;
    article.corrections = item.corrections ?? [];
    article.lastRevision = item.lastRevision ?? {
      revision: 1,
      version: 1,
      kind: 'created',
      actor: { id: item.authorId, name: item.authorName },
      at: item.createdAt,
      fields: [...CONTENT_FIELDS],
    };
  }
  // Not projected into the list indexes: only a full item says whether changes were requested.
  if (item.bodyZ) {
    article.changesRequested = item.changesRequested ?? null;
    article.slug = item.slug ?? null;
  }
  // A null-prototype map: a media id taken from a path (`__proto__`, `constructor`) finds nothing.
  article.media = item.media === undefined ? undefined : Object.assign(Object.create(null), item.media as Article['media']);
  return article as unknown as Article;
}
