import { createHash } from 'node:crypto';
import { BatchGetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { badInput } from '../domain/errors.js';
import type { ArticleLists, ListRequest, ListSource, Page } from '../usecases/ports.js';
import { fromItem } from './article-item.js';
import type { Status } from '../domain/article.js';
import { tagKey } from '../domain/tags.js';
import { articleIdFromKey, INDEX, idFromListSort, keys, LIST_INDEX, SUMMARY_ATTRIBUTES, tagItemKeys } from './keys.js';

/**
 * A list is the newest-first merge of one or more index partitions (a reporter sees their
 * own desk and everything published). The cursor records, for each source, the sort key
 * of the last item handed out, or `false` once that source is exhausted.
 */
type Position = string | null | false;

/** The most index items one source of a list reads for one request. */
export const LIST_READ_CAP = 50;

interface SourceQuery {
  index: string;
  /** Oldest (soonest) first; lists are otherwise newest first. */
  ascending?: boolean;
  partitionAttr: string;
  partition: string;
  /** Where an index item sits in the list: `<time>#<id>`, what the cursor remembers. */
  positionOf: (key: Record<string, unknown>) => string;
  /** The ExclusiveStartKey that resumes after a position. */
  startKey: (position: string) => Record<string, unknown>;
  filter?: { expression: string; names: Record<string, string>; values: Record<string, unknown> };
  /** For an index of pointers: the articles a page points at that belong in the list, in its order. */
  resolve?: (items: Record<string, unknown>[]) => Promise<Record<string, unknown>[]>;
}

/** A query on an index whose sort key is a `<time>#<id>` position itself. */
function bySortKey(index: string, partitionAttr: string, sortAttr: string, partition: string) {
  return {
    index,
    partitionAttr,
    partition,
    positionOf: (key: Record<string, unknown>) => key[sortAttr] as string,
    startKey: (position: string) => ({ ...keys.article(idFromListSort(position)!), [partitionAttr]: partition, [sortAttr]: position }),
  };
}

/** A query on an updatedAt index: the sort key is the time alone, the position adds the article id. */
function byUpdatedAt(index: string, partitionAttr: string, partition: string) {
  return {
    index,
    partitionAttr,
    partition,
    positionOf: (key: Record<string, unknown>) => keys.listSort(key.updatedAt as string, articleIdFromKey(key.PK)!),
    startKey: (position: string) => ({
      ...keys.article(idFromListSort(position)!),
      [partitionAttr]: partition,
      updatedAt: position.slice(0, position.indexOf('#')),
    }),
  };
}

function queryFor(db: DynamoDBDocumentClient, tableName: string, source: ListSource): SourceQuery {
  if (source.by === 'publishAt') {
    return {
      ...bySortKey(INDEX.scheduledByTime, 'GSI4PK', 'GSI4SK', keys.duePartition),
      ascending: true,
      filter: source.authorId
        ? { expression: '#author = :author', names: { '#author': 'authorId' }, values: { ':author': source.authorId } }
        : undefined,
    };
  }
  if (source.by === 'tag') {
    const partition = tagItemKeys.partition(source.tag);
    return {
      ...bySortKey(LIST_INDEX.byTag, 'GSI7PK', 'GSI7SK', partition),
      startKey: (position) => ({ ...tagItemKeys.of(idFromListSort(position)!, source.tag), GSI7PK: partition, GSI7SK: position }),
      resolve: (pointers) => articlesWithTag(db, tableName, source, pointers),
    };
  }
  if (source.by === 'status') {
    const partition = keys.statusPartition(source.status);
    return {
      ...(source.order === 'updatedAt'
        ? byUpdatedAt(LIST_INDEX.byStatusUpdated, 'GSI1PK', partition)
        : bySortKey(INDEX.byStatus, 'GSI1PK', 'GSI1SK', partition)),
      filter: source.authorIsNot
        ? { expression: '#author <> :author', names: { '#author': 'authorId' }, values: { ':author': source.authorIsNot } }
        : undefined,
    };
  }
  const partition = keys.authorPartition(source.authorId);
  return {
    ...(source.order === 'updatedAt'
      ? byUpdatedAt(LIST_INDEX.byAuthorUpdated, 'GSI2PK', partition)
      : bySortKey(INDEX.byAuthor, 'GSI2PK', 'GSI2SK', partition)),
    filter: source.status
      ? { expression: '#status = :status', names: { '#status': 'status' }, values: { ':status': source.status } }
      : undefined,
  };
}

const SUMMARY_PROJECTION = SUMMARY_ATTRIBUTES.map((_, n) => `#a${n}`).join(', ');
const SUMMARY_NAMES = Object.fromEntries(SUMMARY_ATTRIBUTES.map((a, n) => [`#a${n}`, a]));

/**
 * The articles a page of tag items points at, read in one BatchGetItem (the tag items hold keys
 * only: a summary copied onto each would need every transition to rewrite up to 20 items), kept
 * in the page's order when they still have the tag and are what the caller may see.
 */
async function articlesWithTag(
  db: DynamoDBDocumentClient,
  tableName: string,
  source: Extract<ListSource, { by: 'tag' }>,
  pointers: Record<string, unknown>[],
): Promise<Record<string, unknown>[]> {
  const found = new Map<string, Record<string, unknown>>();
  let wanted: Record<string, unknown>[] = [...new Set(pointers.map((p) => articleIdFromKey(p.PK)!))].map(keys.article);
  for (let attempt = 0; wanted.length > 0; attempt++) {
    // Keys DynamoDB left unprocessed (throttling) are asked for again, after a growing pause.
    if (attempt > 0) await new Promise((ok) => setTimeout(ok, 20 * 2 ** Math.min(attempt, 6)));
    const out = await db.send(
      new BatchGetCommand({
        RequestItems: {
          [tableName]: { Keys: wanted, ProjectionExpression: SUMMARY_PROJECTION, ExpressionAttributeNames: SUMMARY_NAMES },
        },
      }),
    );
    for (const item of out.Responses?.[tableName] ?? []) found.set(item.id as string, item);
    wanted = out.UnprocessedKeys?.[tableName]?.Keys ?? [];
  }
  return pointers.flatMap((p) => {
    const article = found.get(articleIdFromKey(p.PK)!);
    const shows =
      article &&
      ((article.tags as string[] | undefined) ?? []).some((t) => tagKey(t) === source.tag) &&
      source.match.some(
        (m) => (!m.authorId || article.authorId === m.authorId) && (!m.statuses || m.statuses.includes(article.status as Status)),
      );
    return shows ? [{ ...article, GSI7SK: p.GSI7SK }] : [];
  });
}

interface Fetched {
  items: Record<string, unknown>[];
  exhausted: boolean;
  /** The sort key down to which this source has been read, when it has more: it resumes below it. */
  readTo?: string;
  /** True when the read cap, not a full page, stopped the source: nothing below `readTo` was looked at. */
  capped: boolean;
}

/**
 * Reads one source after a position. Unfiltered, a page reads `limit` items. A filter can leave
 * a page short, so a filtered source reads in large pages, and stops at LIST_READ_CAP items read
 * however few matched: a list of an author's published work never walks all their drafts in
 * one request; the cursor resumes where reading stopped.
 */
async function fetchAfter(
  db: DynamoDBDocumentClient,
  tableName: string,
  q: SourceQuery,
  after: string | null,
  limit: number,
): Promise<Fetched> {
  const items: Record<string, unknown>[] = [];
  let startKey = after ? q.startKey(after) : undefined;
  // A filter, or pointers checked against their articles, can leave a page short.
  const filtered = !!(q.filter || q.resolve);
  let read = 0;
  do {
    const page = await db.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: q.index,
        KeyConditionExpression: '#pk = :pk',
        FilterExpression: q.filter?.expression,
        ExpressionAttributeNames: { '#pk': q.partitionAttr, ...q.filter?.names },
        ExpressionAttributeValues: { ':pk': q.partition, ...q.filter?.values },
        ScanIndexForward: !!q.ascending,
        // Pointers mostly hold up (a desk sees every tagged article): read a page's worth, then more if some did not.
        Limit: q.resolve ? Math.min(limit, LIST_READ_CAP - read) : filtered ? LIST_READ_CAP - read : limit,
        ExclusiveStartKey: startKey,
      }),
    );
    read += page.ScannedCount ?? page.Items?.length ?? 0;
    items.push(...(q.resolve ? await q.resolve(page.Items ?? []) : (page.Items ?? [])));
    startKey = page.LastEvaluatedKey;
  } while (startKey && items.length < limit && read < LIST_READ_CAP);
  const more = items.length > limit;
  return {
    items: items.slice(0, limit),
    exhausted: !startKey && !more,
    // Matches read beyond the page are read again next time, so a source resumes after its last kept one.
    readTo: more ? q.positionOf(items[limit - 1]!) : startKey && q.positionOf(startKey),
    capped: startKey !== undefined && items.length < limit,
  };
}

/** Article lists, newest first, from the status, author and tag indexes. */
export class DynamoArticleLists implements ArticleLists {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  list(request: ListRequest): Promise<Page> {
    return listArticles(this.db, this.tableName, request);
  }
}

async function listArticles(db: DynamoDBDocumentClient, tableName: string, request: ListRequest): Promise<Page> {
  const queries = request.sources.map((source) => queryFor(db, tableName, source));
  const fingerprint = fingerprintOf(request.sources);
  const positions = request.cursor ? decodeCursor(request.cursor, fingerprint, queries.length) : queries.map((): Position => null);

  const fetched: Fetched[] = await Promise.all(
    queries.map((q, i) => {
      const at = positions[i];
      return at === false ? { items: [], exhausted: true, capped: false } : fetchAfter(db, tableName, q, at ?? null, request.limit);
    }),
  );

  // A source stopped by the read cap has not looked below where it stopped: nothing older than
  // the highest such point may be handed out on this page, from any source.
  // In an ascending list (one source: scheduled by time) "older" is later, so every comparison flips.
  // Positions compare by their time alone: an index orders articles of the same millisecond its own
  // way (by updatedAt, in no documented order), and the stable sort keeps each source's own order,
  // so what a page takes from a source is always the start of what it read.
  const dir = queries[0]?.ascending ? -1 : 1;
  const timeOf = (position: string) => position.slice(0, position.indexOf('#'));
  const before = (a: string, b: string) => (timeOf(a) > timeOf(b) ? dir : timeOf(a) < timeOf(b) ? -dir : 0);
  const cut = fetched.reduce<string | undefined>(
    (c, f) => (f.capped && (c === undefined || before(f.readTo!, c) > 0) ? f.readTo : c),
    undefined,
  );
  const merged = fetched
    .flatMap((f, source) => f.items.map((item) => ({ item, source, sort: queries[source]!.positionOf(item) })))
    // What the capped source read last may go out itself: it stops just below it.
    .filter((m) => cut === undefined || before(m.sort, cut) >= 0)
    .sort((a, b) => before(b.sort, a.sort))
    .slice(0, request.limit);

  const next = positions.map((p, source): Position => {
    const taken = merged.filter((m) => m.source === source);
    const f = fetched[source]!;
    // Everything this source read was handed out (or matched nothing): it resumes below what it read.
    if (taken.length === f.items.length) return f.exhausted ? false : (f.readTo ?? p);
    return taken.length === 0 ? p : taken[taken.length - 1]!.sort;
  });

  return {
    items: merged.map((m) => fromItem(m.item)),
    nextCursor: next.every((p) => p === false) ? null : encodeCursor(fingerprint, next),
  };
}

function fingerprintOf(sources: readonly ListSource[]): string {
  return createHash('sha256').update(JSON.stringify(sources)).digest('base64url').slice(0, 12);
}

function encodeCursor(fingerprint: string, positions: Position[]): string {
  return Buffer.from(JSON.stringify({ q: fingerprint, p: positions })).toString('base64url');
}

function decodeCursor(cursor: string, fingerprint: string, count: number): Position[] {
  const invalid = () => badInput('/query/cursor', 'The cursor is not valid for this list.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const c = parsed as { q?: unknown; p?: unknown };
  if (!c || typeof c !== 'object' || c.q !== fingerprint || !Array.isArray(c.p) || c.p.length !== count) throw invalid();
  for (const p of c.p) {
    if (!(p === null || p === false || (typeof p === 'string' && idFromListSort(p)))) throw invalid();
  }
  return c.p as Position[];
}
